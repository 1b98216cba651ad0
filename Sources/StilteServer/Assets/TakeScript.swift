/// The take page's script: cursor, keyboard, dragging the pause boundaries, saving the
/// review. Served as `/assets/take.js` (no inline script: the CSP forbids it).
enum TakeScript {
    static let text = #"""
"use strict";
(function () {
  const root = document.getElementById("take");
  if (!root) return;
  const W = 1000, HANDLE = 12;
  const duration = parseFloat(root.dataset.duration);
  const svg = document.getElementById("wave");
  const player = document.getElementById("player");
  const cursor = document.getElementById("cursor");
  const cursorTime = document.getElementById("cursor-time");
  const editRect = document.getElementById("edit-pause");
  const handles = { start: document.getElementById("handle-start"), end: document.getElementById("handle-end") };
  const inputs = { start: document.getElementById("pause-start"), end: document.getElementById("pause-end") };
  const form = document.getElementById("review");
  const status = document.getElementById("status");
  const csrf = document.querySelector('meta[name="stilte-csrf"]').content;
  const dutch = document.documentElement.lang === "nl";
  const round = (t) => Math.round(t * 100) / 100;
  const pause = { start: round(parseFloat(root.dataset.pauseStart)), end: round(parseFloat(root.dataset.pauseEnd)) };
  const initial = { start: pause.start, end: pause.end };
  let dragging = null;

  const x = (t) => Math.min(Math.max(t / duration, 0), 1) * W;
  const seconds = (t) => { const s = t.toFixed(2) + " s"; return dutch ? s.replace(".", ",") : s; };
  function timeAt(clientX) {
    const box = svg.getBoundingClientRect();
    return Math.min(Math.max((clientX - box.left) / box.width, 0), 1) * duration;
  }
  function draw() {
    handles.start.setAttribute("x", x(pause.start) - HANDLE / 2);
    handles.end.setAttribute("x", x(pause.end) - HANDLE / 2);
    handles.start.setAttribute("width", HANDLE);
    handles.end.setAttribute("width", HANDLE);
    editRect.setAttribute("x", x(pause.start));
    editRect.setAttribute("width", Math.max(0, x(pause.end) - x(pause.start)));
    inputs.start.value = pause.start.toFixed(2);
    inputs.end.value = pause.end.toFixed(2);
  }
  function setBoundary(which, t) {
    t = round(Math.min(Math.max(t, 0), duration));
    if (which === "start") pause.start = Math.min(t, round(pause.end - 0.01));
    else pause.end = Math.max(t, round(pause.start + 0.01));
    draw();
  }
  const moved = () => pause.start !== initial.start || pause.end !== initial.end;

  for (const which of ["start", "end"]) {
    const handle = handles[which];
    handle.addEventListener("pointerdown", (event) => {
      event.preventDefault();
      dragging = which;
      handle.setPointerCapture(event.pointerId);
    });
    handle.addEventListener("pointermove", (event) => { if (dragging === which) setBoundary(which, timeAt(event.clientX)); });
    handle.addEventListener("pointerup", (event) => {
      dragging = null;
      handle.releasePointerCapture(event.pointerId);
    });
    inputs[which].addEventListener("change", () => {
      const value = parseFloat(inputs[which].value.replace(",", "."));
      if (!Number.isNaN(value)) setBoundary(which, value); else draw();
    });
  }

  function showCursor() {
    const t = player ? player.currentTime : 0;
    cursor.setAttribute("x1", x(t));
    cursor.setAttribute("x2", x(t));
    cursorTime.textContent = seconds(t);
  }
  function follow() {
    showCursor();
    if (player && !player.paused) requestAnimationFrame(follow);
  }
  if (player) {
    player.addEventListener("play", () => requestAnimationFrame(follow));
    player.addEventListener("timeupdate", showCursor);
    player.addEventListener("seeked", showCursor);
    svg.addEventListener("click", (event) => {
      if (event.target.classList.contains("handle")) return;
      player.currentTime = timeAt(event.clientX);
      showCursor();
    });
  }

  document.addEventListener("keydown", (event) => {
    const tag = event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!player) return;
    const step = event.shiftKey ? 5 : 1;
    if (event.key === " ") { if (player.paused) player.play(); else player.pause(); }
    else if (event.key === "ArrowLeft") player.currentTime = Math.max(0, player.currentTime - step);
    else if (event.key === "ArrowRight") player.currentTime = Math.min(duration, player.currentTime + step);
    else if (event.key === "[") setBoundary("start", player.currentTime);
    else if (event.key === "]") setBoundary("end", player.currentTime);
    else return;
    event.preventDefault();
    showCursor();
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = {};
    if (moved()) { body.pauseStart = pause.start; body.pauseEnd = pause.end; }
    const rating = form.querySelector('input[name="rating"]:checked');
    if (rating && rating.value) body.rating = parseInt(rating.value, 10);
    const comment = document.getElementById("comment").value.trim();
    if (comment) body.comment = comment;
    status.textContent = "…";
    try {
      const response = await fetch(root.dataset.save, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-Stilte-CSRF": csrf },
        body: JSON.stringify(body),
      });
      if (response.ok) {
        status.textContent = root.dataset.textSaved;
        window.location.reload();
      } else {
        const answer = await response.json().catch(() => ({ error: response.status }));
        status.textContent = root.dataset.textFailed + " " + answer.error;
      }
    } catch (error) {
      status.textContent = root.dataset.textFailed + " " + error;
    }
  });

  draw();
  showCursor();
})();
"""#
}
