// The learning path's step builder (lessons/step_builder.py): keeps each step's heading
// ("Practical task: Shadow a call") in step with its kind, title, module or check as the
// editor changes them. Showing only the fields a kind uses is Wagtail's w-rules controller.
(function () {
  "use strict";

  function chosenTitle(step, fieldName) {
    var input = step.querySelector('[name$="-' + fieldName + '"]');
    if (!input || !input.value) return "";
    var chooser = input.closest("[data-chooser], .chooser, .w-field");
    var title = chooser && chooser.querySelector("[data-chooser-title]");
    return title ? title.textContent.trim() : "";
  }

  function heading(step, builder) {
    var kindSelect = step.querySelector('select[name$="-kind"]');
    if (!kindSelect || !kindSelect.value) return builder.dataset.stepNewHeading;
    var kind = kindSelect.options[kindSelect.selectedIndex].text.trim();
    var titleInput = step.querySelector('input[name$="-title"]');
    var title = (titleInput && titleInput.value.trim()) || "";
    if (!title && kindSelect.value === "module") title = chosenTitle(step, "page");
    if (!title && kindSelect.value === "knowledge_check") title = chosenTitle(step, "knowledge_check");
    if (!title || title === kind) return kind;
    return builder.dataset.stepHeadingFormat.replace("{kind}", kind).replace("{title}", title);
  }

  function refresh(event) {
    var step = event.target.closest && event.target.closest("[data-step-builder-step]");
    var builder = step && step.closest("[data-step-builder]");
    var target = step && step.querySelector("[data-step-heading]");
    if (!target) return;
    // A chooser announces its new value before it shows the chosen title: read it after.
    window.setTimeout(function () {
      target.textContent = heading(step, builder);
    }, 0);
  }

  document.addEventListener("change", refresh);
  document.addEventListener("input", refresh);
})();
