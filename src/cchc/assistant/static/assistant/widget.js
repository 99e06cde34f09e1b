/* Assistant widget: asks POST /api/v1/assistant/ask and lists the best procedures with links.
   Plain DOM (no framework, nothing from a CDN). Without this script, or when the request fails,
   the form posts to the assistant's own page, which answers on the server. */
(function () {
  "use strict";

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;   // text only: answers never become markup
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function link(href, text) { return el("a", text, { href: href }); }

  function render(box, data, question) {
    var out = box.querySelector("[data-result]");
    out.textContent = "";
    out.appendChild(el("p", data.message, { "class": data.outcome === "answer" ? "" : "msg" }));
    if (data.outcome === "answer") {
      var list = el("ol", "", { "data-suggestions": "" });
      data.suggestions.forEach(function (s) {
        var item = el("li");
        item.appendChild(link(s.url, s.name));
        item.appendChild(document.createTextNode(" (" + s.level_label + ")"));
        var why = [];
        if (s.matched_words.length) why.push("Khớp các từ: " + s.matched_words.join(", ") + ".");
        if (s.similar_to) why.push("Gần nghĩa với: “" + s.similar_to + "”.");
        if (why.length) item.appendChild(el("div", why.join(" "), { "class": "muted" }));
        list.appendChild(item);
      });
      out.appendChild(list);
      var d = data.detail;
      if (d) {
        var facts = el("p", "Thủ tục đầu tiên — thời hạn: " + d.time_limit + "; phí, lệ phí: " +
          (d.fees.length ? d.fees.map(function (f) { return f.text; }).join(", ") : "không thu") + ". ");
        if (d.online_url) facts.appendChild(link(d.online_url, "Nộp hồ sơ trực tuyến"));
        out.appendChild(facts);
      }
      // the full answer (what to bring, where to go, follow-up questions) is on the assistant's page
      var more = el("form", "", { method: "post", action: box.dataset.page });
      var csrf = box.querySelector("input[name=csrfmiddlewaretoken]");
      if (csrf) more.appendChild(el("input", "", { type: "hidden", name: csrf.name, value: csrf.value }));
      more.appendChild(el("input", "", { type: "hidden", name: "question", value: question }));
      more.appendChild(el("button", "Xem giấy tờ cần mang, nơi nộp", { type: "submit", "class": "secondary" }));
      out.appendChild(more);
    } else if (data.outcome === "no_match") {
      var p = el("p");
      p.appendChild(link(data.browse_url, "Xem danh mục thủ tục theo lĩnh vực"));
      out.appendChild(p);
    }
  }

  function attach(box) {
    var form = box.querySelector("form");
    var out = box.querySelector("[data-result]");
    form.addEventListener("submit", function (event) {
      var question = form.elements.question.value.trim();
      if (!window.fetch || !question) return;     // the server's page answers (and explains an empty question)
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      out.textContent = "Đang tìm…";
      fetch(box.dataset.api, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json" },
        body: JSON.stringify({ question: question })
      }).then(function (r) {
        return r.json().then(function (data) { return { ok: r.ok, data: data }; });
      }).then(function (res) {
        if (res.ok) render(box, res.data, question);
        else out.textContent = res.data.message || "Không hỏi được trợ lý. Xin thử lại.";
      }).catch(function () {
        form.submit();                             // no answer from the API: let the server's page answer
      }).then(function () { button.disabled = false; });
    });
  }

  document.querySelectorAll("[data-assistant]").forEach(attach);
})();
