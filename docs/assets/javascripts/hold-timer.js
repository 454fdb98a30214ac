/* Hold timer: a "Start 30 s hold" button beside each hold time (`p.hold-time`, written by
   scripts/atlas/templates/partials/hold_timer.md.j2 from the exercise's content: seconds, holds per side,
   sides). It counts down in large digits, counts the holds, says when to switch sides, and tells screen
   readers when a hold starts and ends. A soft tone and a short vibration are off until the reader turns
   them on. While it runs it asks the browser to keep the screen on (Wake Lock) where it can.
   Without JavaScript nothing of it appears; the hold time is still written in the text. */
(function () {
  "use strict";

  var holds = document.querySelectorAll("p.hold-time[data-hold-seconds]");
  if (!holds.length) return;

  // The timer's own stylesheet, loaded only on pages that have a timer (stylesheets.js).
  atlasStylesheet("hold-timer.css");

  var settings = { sound: false, vibrate: false };
  try {
    var saved = JSON.parse(localStorage.getItem("atlas-hold-timer") || "{}");
    settings.sound = saved.sound === true;
    settings.vibrate = saved.vibrate === true;
  } catch (e) { /* private mode: settings last for this page only */ }

  function save() {
    try { localStorage.setItem("atlas-hold-timer", JSON.stringify(settings)); } catch (e) { /* ignore */ }
  }

  var audio = null;
  function chime() {
    if (!settings.sound) return;
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      audio = audio || new Context();
      var now = audio.currentTime;
      var tone = audio.createOscillator();
      var gain = audio.createGain();
      tone.type = "sine";
      tone.frequency.value = 528;
      gain.gain.setValueAtTime(0.0001, now);
      gain.gain.exponentialRampToValueAtTime(0.12, now + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + 0.9);
      tone.connect(gain);
      gain.connect(audio.destination);
      tone.start(now);
      tone.stop(now + 1);
    } catch (e) { /* no sound: the words and digits still say it */ }
  }

  function buzz() {
    if (settings.vibrate && navigator.vibrate) navigator.vibrate(200);
  }

  var wakeLock = null;
  var running = 0;
  function keepAwake() {
    if (!running || wakeLock || !navigator.wakeLock || document.visibilityState !== "visible") return;
    navigator.wakeLock.request("screen").then(function (lock) {
      wakeLock = lock;
      lock.addEventListener("release", function () { wakeLock = null; });
    }).catch(function () { /* not allowed here: the timer still runs */ });
  }
  function letSleep() {
    if (running || !wakeLock) return;
    wakeLock.release().catch(function () {});
    wakeLock = null;
  }
  // The browser drops the lock when the page is hidden; take it again when the reader comes back.
  document.addEventListener("visibilitychange", keepAwake);

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function clock(seconds) {
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function toggle(label, key, timers) {
    var wrap = el("label", "hold-timer__option");
    var box = el("input");
    box.type = "checkbox";
    box.checked = settings[key];
    box.setAttribute("data-setting", key);
    box.addEventListener("change", function () {
      settings[key] = box.checked;
      save();
      timers.forEach(function (other) {
        var twin = other.querySelector('input[data-setting="' + key + '"]');
        if (twin) twin.checked = box.checked;
      });
      if (key === "sound" && box.checked) chime();  // a first tone, so the reader hears how loud it is
    });
    wrap.appendChild(box);
    wrap.appendChild(document.createTextNode(" " + label));
    return wrap;
  }

  var timers = [];
  holds.forEach(function (paragraph, index) {
    var seconds = parseInt(paragraph.getAttribute("data-hold-seconds"), 10);
    var repetitions = parseInt(paragraph.getAttribute("data-hold-repetitions"), 10) || 1;
    var sides = parseInt(paragraph.getAttribute("data-hold-sides"), 10) || 1;
    if (!(seconds > 0)) return;
    var total = repetitions * sides;
    var startLabel = "Start " + seconds + " s hold";

    var box = el("div", "hold-timer");
    var start = el("button", "hold-timer__button hold-timer__start", startLabel);
    start.type = "button";
    var stop = el("button", "hold-timer__button hold-timer__stop", "Stop");
    stop.type = "button";
    stop.hidden = true;
    var display = el("div", "hold-timer__display");
    display.hidden = true;
    var digits = el("div", "hold-timer__digits", clock(seconds));
    digits.setAttribute("role", "timer");
    digits.id = "hold-timer-" + index;
    var step = el("div", "hold-timer__step");
    display.appendChild(digits);
    display.appendChild(step);
    var status = el("p", "hold-timer__status");
    // A live region of its own (not role=status: the page keeps one status region, copy-link's).
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    var options = el("div", "hold-timer__options");
    options.appendChild(toggle("Sound", "sound", timers));
    if (navigator.vibrate) options.appendChild(toggle("Vibrate", "vibrate", timers));

    var actions = el("div", "hold-timer__actions");
    actions.appendChild(start);
    actions.appendChild(stop);
    box.appendChild(actions);
    box.appendChild(display);
    box.appendChild(status);
    box.appendChild(options);
    paragraph.insertAdjacentElement("afterend", box);
    timers.push(box);

    var done = 0;       // holds finished so far
    var endsAt = 0;
    var ticker = null;

    function where(n) {
      // Hold n (0-based) of all: which repetition, and which side when there are two.
      var side = Math.floor(n / repetitions);
      var rep = (n % repetitions) + 1;
      var text = repetitions > 1 ? "Hold " + rep + " of " + repetitions : "";
      if (sides > 1) text += (text ? ", " : "") + (side === 0 ? "first side" : "other side");
      return text;
    }

    function show(remaining) {
      digits.textContent = clock(remaining);
    }

    function reset(message) {
      clearInterval(ticker);
      ticker = null;
      if (box.classList.contains("hold-timer--running")) running -= 1;
      box.classList.remove("hold-timer--running");
      stop.hidden = true;
      start.hidden = false;
      letSleep();
      if (message !== undefined) status.textContent = message;
    }

    function finish() {
      reset();
      done += 1;
      chime();
      buzz();
      show(0);
      if (done >= total) {
        status.textContent = "Time is up. Relax, then slowly come back." + (total > 1 ? " All " + total + " holds done." : "");
        done = 0;
        start.textContent = startLabel;
      } else {
        var switching = sides > 1 && done % repetitions === 0;
        status.textContent = "Time is up. Relax." + (switching ? " Now switch to the other side." : "");
        start.textContent = switching ? "Start the other side (" + seconds + " s)" : "Start the next hold (" + seconds + " s)";
      }
      step.textContent = "";
      start.focus();
    }

    function tick() {
      var remaining = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      show(remaining);
      if (remaining <= 0) finish();
    }

    start.addEventListener("click", function () {
      display.hidden = false;
      var now = where(done);
      step.textContent = now;
      status.textContent = "Hold started: " + seconds + " seconds" + (now ? ", " + now : "") + ".";
      endsAt = Date.now() + seconds * 1000;
      show(seconds);
      running += 1;
      box.classList.add("hold-timer--running");
      start.hidden = true;
      stop.hidden = false;
      stop.focus();
      keepAwake();
      ticker = setInterval(tick, 250);
    });

    stop.addEventListener("click", function () {
      done = 0;
      show(seconds);
      step.textContent = "";
      start.textContent = startLabel;
      reset("Timer stopped.");
      start.focus();
    });
  });
})();
