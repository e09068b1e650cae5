// A typed date's "Choose a date" button (coaching/common/widgets.py): it opens the
// browser's own calendar, from a date input kept out of sight, and writes the day chosen
// into the text box day first (15/12/2026, or 15/12/2026 09:30), as the hint beside it
// says. The box is what is sent, so typing stays the way to enter a date, and without
// this script (or a browser without showPicker) the button stays hidden.
(function () {
  var picker = document.currentScript.previousElementSibling;
  var box = picker && picker.previousElementSibling;
  var native = picker && picker.querySelector(".date-picker__native");
  if (!box || !native || typeof native.showPicker !== "function") return;
  var button = picker.querySelector("button");
  var dayFirst = /^\s*(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2}))?/;
  function pad(number) {
    return ("0" + number).slice(-2);
  }
  function toIso(text) {
    var parts = dayFirst.exec(text);
    if (!parts) return "";
    var day = parts[3] + "-" + pad(parts[2]) + "-" + pad(parts[1]);
    if (native.type !== "datetime-local") return day;
    return day + "T" + (parts[4] ? pad(parts[4]) + ":" + parts[5] : "09:00");
  }
  function fromIso(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
    if (!parts) return "";
    return parts[3] + "/" + parts[2] + "/" + parts[1] + (parts[4] ? " " + parts[4] : "");
  }
  picker.hidden = false;
  button.addEventListener("click", function () {
    native.value = toIso(box.value);
    try {
      native.showPicker();
    } catch (error) {
      box.focus(); // no calendar here: typing is the way
    }
  });
  native.addEventListener("change", function () {
    var shown = fromIso(native.value);
    if (!shown) return;
    box.value = shown;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.focus();
  });
})();
