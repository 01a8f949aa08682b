// The report editor, improved: "Add another" buttons for the recommendation, background paper
// and other-body lists, a warning before leaving with unsaved changes, and labels for the
// rich-text editors. Without JavaScript the page still works: each list has blank rows, the
// buttons stay hidden, and every rich-text field is a plain labelled textarea.
(() => {
  "use strict";

  // The rich-text editor replaces its textarea with an editable area that has no name of its
  // own: give it the textarea's label and description, so screen readers announce
  // "2. Background" and the section's guidance (WCAG 4.1.2).
  function labelEditor(wrapper) {
    const textarea = wrapper && wrapper.querySelector("textarea");
    const area = wrapper && wrapper.querySelector(".ProseMirror");
    if (!textarea || !area) {
      return;
    }
    const label = textarea.labels && textarea.labels[0];
    if (label) {
      area.setAttribute("aria-label", label.textContent.replace(/[\s*]+$/, "").trim());
    }
    const described = textarea.getAttribute("aria-describedby");
    if (described) {
      area.setAttribute("aria-describedby", described);
    }
    area.setAttribute("aria-multiline", "true");
  }

  document.addEventListener("prose-editor:ready", (event) => {
    labelEditor(event.target.closest(".prose-editor"));
  });
  for (const wrapper of document.querySelectorAll(".prose-editor")) {
    labelEditor(wrapper);
  }

  function addRow(formset) {
    const prefix = formset.dataset.formset;
    const total = formset.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
    const template = formset.querySelector("template[data-formset-template]");
    const rows = formset.querySelector("[data-formset-rows]");
    const index = String(Number(total.value));
    const fragment = template.content.cloneNode(true);
    // Django's empty form names its fields "<prefix>-__prefix__-<name>"; number the new row.
    for (const element of fragment.querySelectorAll("*")) {
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.value.includes("__prefix__")) {
          attribute.value = attribute.value.replaceAll("__prefix__", index);
        }
      }
    }
    const row = fragment.querySelector("[data-formset-row]");
    rows.append(fragment);
    total.value = String(Number(index) + 1);
    const first = row && row.querySelector("textarea, select, input:not([type=hidden])");
    if (first) {
      first.focus();
    }
  }

  for (const formset of document.querySelectorAll("[data-formset]")) {
    const button = formset.querySelector("[data-formset-add]");
    const ready =
      button &&
      formset.querySelector("template[data-formset-template]") &&
      formset.querySelector("[data-formset-rows]") &&
      formset.querySelector(`input[name="${formset.dataset.formset}-TOTAL_FORMS"]`);
    if (ready) {
      button.hidden = false;
      button.addEventListener("click", () => addRow(formset));
    }
  }

  // Never lose typed text by navigating away: warn while there are unsaved changes.
  const form = document.querySelector("form[data-report-editor]");
  if (form) {
    let unsaved = form.hasAttribute("data-unsaved");
    const changed = () => {
      unsaved = true;
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", () => {
      unsaved = false;
    });
    window.addEventListener("beforeunload", (event) => {
      if (unsaved) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  }
})();
