// The header's menu button: on a phone it opens and closes the navigation (a disclosure:
// the button says whether it is open with aria-expanded). Escape closes it and returns to
// the button. Without this script the button stays hidden and the navigation open.
(function () {
  var header = document.currentScript.closest(".site-header");
  var button = header && header.querySelector(".site-header__toggle");
  if (!button) return;
  function open(yes) {
    button.setAttribute("aria-expanded", yes ? "true" : "false");
    header.classList.toggle("site-header--open", yes);
  }
  header.classList.add("site-header--folding");
  button.hidden = false;
  button.addEventListener("click", function () {
    open(button.getAttribute("aria-expanded") !== "true");
  });
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      open(false);
      button.focus();
    }
  });
})();
