// Upload progress: poll the job's JSON twin until the analysis is done, then list the articles.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box) { return; }
  var id = box.getAttribute("data-job");
  var state = document.getElementById("job-state");
  var counts = document.getElementById("job-counts");
  var message = document.getElementById("job-message");
  var bar = document.getElementById("job-progress");
  var articles = document.getElementById("job-articles");
  var skips = document.getElementById("job-skips");

  function item(text, href) {
    var li = document.createElement("li");
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      li.appendChild(a);
    } else {
      li.textContent = text;
    }
    return li;
  }

  function show(job) {
    state.textContent = job.state;
    counts.textContent = "read " + job.read + ", analyzed " + job.analyzed + ", unchanged " +
      job.unchanged + ", skipped " + job.skipped;
    message.textContent = job.message;
    if (job.done) {
      bar.value = 1;
      articles.replaceChildren.apply(articles, job.articles.map(function (a) {
        return item(a, "/articles/" + encodeURIComponent(a));
      }));
      skips.replaceChildren.apply(skips, job.skips.map(function (s) {
        return item(s.file + ": " + s.kind + ": " + s.reason, null);
      }));
    }
  }

  function poll() {
    fetch("/jobs/" + encodeURIComponent(id) + ".json", {headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (job) {
        if (job.error) { state.textContent = job.error.message; return; }
        show(job);
        if (!job.done) { window.setTimeout(poll, 500); }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  poll();
})();
