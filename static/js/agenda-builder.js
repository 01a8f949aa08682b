// The agenda builder (and a committee's agenda template), improved:
// - drag and drop reordering within a part, saved at once; the Move up and Move down buttons stay,
//   for keyboards and anyone who cannot drag (WCAG 2.5.7);
// - the pack build panel refreshes itself every 2 seconds while a build is waiting or running.
// Without JavaScript every change is a plain form and the build panel has a Refresh link.
(() => {
  "use strict";

  const POLL_INTERVAL_MS = 2000;

  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // Saved orders are announced to screen readers; a refusal is shown to everyone.
  function announce(text, isError = false) {
    const status = document.querySelector("[data-reorder-status]");
    if (status) {
      status.textContent = text;
      status.classList.toggle("visually-hidden", !isError);
      status.classList.toggle("alert", isError);
      status.classList.toggle("alert-danger", isError);
    }
  }

  // After a move the numbers run on through the headings and from Part A into Part B, as printed.
  function renumber() {
    let number = 0;
    for (const row of document.querySelectorAll("[data-item-id][data-numbered]")) {
      const cell = row.querySelector("[data-item-number]");
      if (row.dataset.numbered === "true") {
        number += 1;
        if (cell) {
          cell.textContent = `${number}.`;
        }
      }
    }
  }

  // The first row cannot go up nor the last down; the template's buttons name a row by position.
  function refreshButtons(list) {
    const rows = Array.from(list.querySelectorAll(":scope > [data-item-id]"));
    rows.forEach((row, index) => {
      const up = row.querySelector("[data-move=up]");
      const down = row.querySelector("[data-move=down]");
      if (up) {
        up.disabled = index === 0;
      }
      if (down) {
        down.disabled = index === rows.length - 1;
      }
      const position = row.querySelector("input[name=position]");
      if (position) {
        position.value = String(index + 1);
      }
    });
  }

  function order(list) {
    return Array.from(list.querySelectorAll(":scope > [data-item-id]"), (row) => row.dataset.itemId);
  }

  async function saveOrder(list, before) {
    const body = { items: order(list).map(Number) };
    if (list.dataset.part) {
      body.part = list.dataset.part;
    }
    let answer = {};
    let ok = false;
    try {
      const response = await fetch(list.dataset.reorderUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
        body: JSON.stringify(body),
      });
      ok = response.ok;
      answer = await response.json();
    } catch {
      answer = { error: "The new order could not be saved: check your connection and try again." };
    }
    if (ok) {
      renumber();
      refreshButtons(list);
      announce(answer.message || "Saved the new order.");
      return;
    }
    // Put the rows back as they were, so the page shows what is saved.
    for (const id of before) {
      list.append(list.querySelector(`:scope > [data-item-id="${id}"]`));
    }
    announce(answer.error || "The new order could not be saved.", true);
  }

  function enableDragging(list) {
    let dragged = null;
    let before = [];
    for (const row of list.querySelectorAll(":scope > [data-item-id]")) {
      row.draggable = true;
      row.classList.add("agenda-row-draggable");
    }
    list.addEventListener("dragstart", (event) => {
      dragged = event.target.closest("[data-item-id]");
      if (!dragged || dragged.parentElement !== list) {
        dragged = null;
        return;
      }
      before = order(list);
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", dragged.dataset.itemId);
      dragged.classList.add("agenda-row-dragging");
    });
    list.addEventListener("dragover", (event) => {
      if (!dragged) {
        return;
      }
      event.preventDefault();
      const over = event.target.closest("[data-item-id]");
      if (!over || over === dragged || over.parentElement !== list) {
        return;
      }
      const box = over.getBoundingClientRect();
      const after = event.clientY > box.top + box.height / 2;
      over.insertAdjacentElement(after ? "afterend" : "beforebegin", dragged);
    });
    list.addEventListener("drop", (event) => {
      if (dragged) {
        event.preventDefault();
      }
    });
    list.addEventListener("dragend", () => {
      if (!dragged) {
        return;
      }
      dragged.classList.remove("agenda-row-dragging");
      dragged = null;
      if (order(list).join() !== before.join()) {
        saveOrder(list, before);
      }
    });
  }

  const lists = document.querySelectorAll("[data-reorder-url]");
  for (const list of lists) {
    enableDragging(list);
  }
  if (lists.length) {
    for (const hint of document.querySelectorAll("[data-drag-hint]")) {
      hint.classList.remove("d-none");
    }
  }

  // The build panel: poll only while a build is waiting or running.
  function buildActive(region) {
    const panel = region.querySelector("[data-build-active]");
    return panel !== null && panel.dataset.buildActive === "true";
  }

  // The panel is replaced only when the server's answer changes, so the live region speaks
  // once per step, not at every poll.
  function poll(region, last = null) {
    window.setTimeout(async () => {
      try {
        const response = await fetch(region.dataset.pollUrl, { credentials: "same-origin" });
        if (response.ok) {
          const html = await response.text();
          if (html !== last) {
            region.innerHTML = html;
            last = html;
          }
        }
      } catch {
        // A missed poll is retried at the next interval.
      }
      if (buildActive(region)) {
        poll(region, last);
      }
    }, POLL_INTERVAL_MS);
  }

  for (const region of document.querySelectorAll("[data-build-status]")) {
    if (buildActive(region)) {
      poll(region);
    }
  }
})();
