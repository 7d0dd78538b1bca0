// The dashboard's calls of Mooring's JSON API. Pages are rendered on the server and refreshed by
// htmx; every change goes to the same API endpoint curl would use, with the session's CSRF token,
// and its problem details are shown as they come. Written by hand because htmx speaks form
// encoding and HTML, while the API takes and answers typed JSON.
(function () {
  "use strict";

  var TOGGLE_DELAY_MS = 500;
  var pendingToggles = 0;

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : null;
  }

  function say(text) {
    var notice = document.getElementById("notice");
    var problem = document.getElementById("problem");
    if (problem) { problem.textContent = ""; }
    if (notice) { notice.textContent = text; }
  }

  function complain(text) {
    var notice = document.getElementById("notice");
    var problem = document.getElementById("problem");
    if (notice) { notice.textContent = ""; }
    if (problem) { problem.textContent = text; }
  }

  // "PUT /service-image-tag/web" → {method, url}
  function target(spec) {
    var space = spec.indexOf(" ");
    return { method: spec.substring(0, space), url: spec.substring(space + 1) };
  }

  function call(spec, body) {
    var where = target(spec);
    var headers = { "Accept": "application/json, application/problem+json" };
    var token = csrfToken();
    if (token) { headers["X-CSRF-TOKEN"] = token; }
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    return fetch(where.url, {
      method: where.method,
      headers: headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (notJson) { json = null; }
        if (response.status === 401) {
          window.location.assign("/ui/login");
        }
        if (!response.ok) {
          var detail = json && (json.detail || json.message || json.title);
          throw new Error(detail || ("Mooring answered " + response.status));
        }
        return json;
      });
    });
  }

  // A form's fields as the API's JSON: data-json="boolean" and "number" give typed values, and an
  // empty field is left out unless it carries data-keep-empty (an empty pin means "follow newest").
  function bodyOf(form) {
    var body = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled) { return; }
      var kind = field.getAttribute("data-json");
      if (kind === "boolean") {
        body[field.name] = field.type === "checkbox" ? field.checked : field.value === "true";
      } else if (kind === "number") {
        if (field.value !== "") { body[field.name] = Number(field.value); }
      } else if (field.value !== "" || field.hasAttribute("data-keep-empty")) {
        body[field.name] = field.value;
      }
    });
    return body;
  }

  function changed() {
    document.body.dispatchEvent(new CustomEvent("mooring:changed", { bubbles: true }));
  }

  // data-then: "reload", "show:<field>" (a secret shown once), or an address with {field} holes;
  // {field/} takes the last segment of a link (Harmony's 202 names its deployment by statusLink).
  function after(element, answer) {
    var then = element.getAttribute("data-then");
    if (!then) {
      // registrywatcher's answers say what happened ("Deploying 1.2.0"); the rest are done.
      say(answer && typeof answer.message === "string" ? answer.message : "Done.");
      changed();
    } else if (then === "reload") {
      window.location.reload();
    } else if (then.indexOf("show:") === 0) {
      var box = document.getElementById("token-secret-box");
      var output = document.getElementById("token-secret");
      output.textContent = answer ? answer[then.substring(5)] : "";
      box.hidden = false;
      say("Created. Copy the token now: it is not shown again.");
    } else {
      window.location.assign(then.replace(/\{(\w+)(\/?)\}/g, function (whole, field, last) {
        var value = answer && answer[field] !== undefined ? String(answer[field]) : null;
        if (value === null) { return whole; }
        return encodeURIComponent(last ? value.substring(value.lastIndexOf("/") + 1) : value);
      }));
    }
  }

  // One request at a time per control: a double click must not deploy twice.
  function run(element, body) {
    if (element.getAttribute("aria-busy") === "true") { return; }
    // data-confirm asks first; with data-confirm-empty="field", only when that field is empty.
    var question = element.getAttribute("data-confirm");
    var onlyIfEmpty = element.getAttribute("data-confirm-empty");
    if (onlyIfEmpty && body && body[onlyIfEmpty] !== "") { question = null; }
    if (question && !window.confirm(question)) { return; }
    element.setAttribute("aria-busy", "true");
    call(element.getAttribute("data-api"), body)
      .then(function (answer) { after(element, answer); })
      .catch(function (failure) { complain(failure.message); })
      .then(function () { element.removeAttribute("aria-busy"); });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-api")) { return; }
    event.preventDefault();
    run(form, bodyOf(form));
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-api]");
    if (button && !button.form) { run(button, undefined); }
  });

  // A switch flicked several times in a row sends one request, with where it ended; one flicked
  // back to where it was sends none.
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    if (!toggle.hasAttribute || !toggle.hasAttribute("data-api-toggle")) { return; }
    if (toggle.mooringTimer) {
      clearTimeout(toggle.mooringTimer);
    } else {
      toggle.mooringWas = !toggle.checked;
      pendingToggles++;
    }
    toggle.mooringTimer = setTimeout(function () {
      toggle.mooringTimer = null;
      if (toggle.checked === toggle.mooringWas) { pendingToggles--; return; }
      var body = {};
      body[toggle.getAttribute("data-field")] = toggle.checked;
      var spec = toggle.getAttribute("data-api-toggle");
      toggle.setAttribute("aria-busy", "true");
      // Counted as pending until the answer is in: a refresh meanwhile would show the old state.
      call(spec, body)
        .then(function () { pendingToggles--; say("Saved."); changed(); })
        .catch(function (failure) { pendingToggles--; toggle.checked = toggle.mooringWas; complain(failure.message); })
        .then(function () { toggle.removeAttribute("aria-busy"); });
    }, TOGGLE_DELAY_MS);
  });

  // A refresh (or a search) must not undo a switch that is about to be sent, or is being sent.
  // (Focus survives refreshes: htmx gives it back to the element of the same id, and every
  // control in a refreshed part has one.)
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (pendingToggles > 0) { event.preventDefault(); }
  });

  function lineOf(format, data) {
    var line = JSON.parse(data);
    if (format === "containers") { return line.container + "  " + line.line; }
    return (line.at ? line.at.substring(11, 19) + "  " : "") + line.line;
  }

  // <pre data-follow="…">: an event stream of 'line' events, closed by an 'end' event. A deployment's
  // stream resumes after the last line it delivered (the browser sends Last-Event-ID); containers'
  // output has no such place, so a dropped stream is not resumed twice over, but opened again when
  // the service's containers change (see below).
  function follow(pre) {
    var format = pre.getAttribute("data-format");
    var stream = new EventSource(pre.getAttribute("data-follow"));
    pre.mooringStream = stream;
    pre.mooringContainers = containersNow();
    stream.addEventListener("line", function (event) {
      // Follows the end only while the reader is there: scrolled up, the pane stays where it is.
      var atEnd = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 8;
      pre.appendChild(document.createTextNode(lineOf(format, event.data) + "\n"));
      if (atEnd) { pre.scrollTop = pre.scrollHeight; }
    });
    stream.addEventListener("end", function (event) {
      stream.close();
      var end = JSON.parse(event.data || "{}");
      if (end.status) {
        // The message is the log's last line already: the status alone closes it.
        pre.appendChild(document.createTextNode("— " + end.status + "\n"));
        pre.setAttribute("data-ended", end.status);
        changed();
      }
    });
    stream.onerror = function () {
      if (format === "containers") { stream.close(); }
    };
  }

  // A service's containers come and go (a start, a deploy, a scale): its output stream follows the
  // containers it opened with, so it is opened again, the pane cleared, when they or the service's
  // state are others (a stop ends the stream; the start after it brings the same containers back).
  function containersNow() {
    var live = document.getElementById("service-live");
    return live ? live.getAttribute("data-containers") : null;
  }

  document.addEventListener("htmx:afterSwap", function () {
    Array.prototype.forEach.call(document.querySelectorAll('pre[data-format="containers"]'), function (pre) {
      if (pre.mooringStream && pre.mooringContainers !== containersNow()) {
        pre.mooringStream.close();
        pre.textContent = "";
        follow(pre);
      }
    });
  });

  // A refresh that fails says so, rather than leaving an old state on screen as if it were current.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var detail = null;
    try { detail = JSON.parse(xhr.responseText).detail; } catch (notJson) { detail = null; }
    complain("Refreshing failed (" + xhr.status + "): " + (detail || "Mooring did not answer as expected") +
      ". What you see may be out of date.");
  });
  document.addEventListener("htmx:sendError", function () {
    complain("Mooring cannot be reached. What you see may be out of date.");
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var problem = document.getElementById("problem");
    if (event.detail.successful && problem && problem.textContent.indexOf("Refreshing failed") === 0) {
      problem.textContent = "";
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("pre[data-follow]"), follow);
  });
}());
