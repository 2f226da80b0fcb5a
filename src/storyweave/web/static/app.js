// Progressive enhancement for storyweave pages. Everything works without this file: citations are
// anchors to CSS :target passages and job pages refresh themselves. Report text is only ever set with
// textContent, never parsed as HTML.
"use strict";

(function () {
  const SEEN_KEY = "storyweave.seenArticles";
  const SEEN_LIMIT = 5000;

  // Citations: open the passage in place, without a jump or a history entry per click.
  function setupCitations() {
    let opened = null;
    let opener = null;
    function sentenceOf(panel) {
      return document.getElementById("s-" + panel.id.split("-")[1]);
    }
    function close() {
      if (!opened) return;
      opened.classList.remove("is-open");
      const sentence = sentenceOf(opened);
      if (sentence) sentence.classList.remove("is-cited");
      if (opener) opener.focus();
      opened = opener = null;
    }
    document.addEventListener("click", function (event) {
      const link = event.target.closest("a.cite[href^='#p-']");
      if (link) {
        const panel = document.getElementById(link.getAttribute("href").slice(1));
        if (!panel) return;
        event.preventDefault();
        if (opened && opened !== panel) {
          opened.classList.remove("is-open");
          const previous = sentenceOf(opened);
          if (previous) previous.classList.remove("is-cited");
        }
        panel.classList.add("is-open");
        const sentence = sentenceOf(panel);
        if (sentence) sentence.classList.add("is-cited");
        opened = panel;
        opener = link;
        panel.focus({ preventScroll: true });
        return;
      }
      if (event.target.closest(".passage .close")) {
        event.preventDefault();
        close();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
    });
  }

  function loadSeen() {
    try {
      const value = JSON.parse(localStorage.getItem(SEEN_KEY) || "[]");
      return Array.isArray(value) ? value : [];
    } catch (error) {
      return [];
    }
  }

  // "What's new": remember which articles this reader has seen; on a later visit to a story that shares
  // any of them, mark the rest as new. Story ids change as stories grow; article ids never do.
  function setupWhatsNew() {
    const story = document.querySelector("article.story");
    if (!story || story.dataset.since !== undefined) return; // the server already answered ?since=
    const sources = Array.from(story.querySelectorAll(".sources li[data-article]"));
    const ids = sources.map((item) => item.dataset.article);
    const seenList = loadSeen();
    const seen = new Set(seenList);
    const visitedBefore = ids.some((id) => seen.has(id));
    if (visitedBefore) {
      const fresh = new Set(ids.filter((id) => !seen.has(id)));
      let sentences = 0;
      sources.forEach((item) => { if (fresh.has(item.dataset.article)) item.classList.add("is-new"); });
      story.querySelectorAll(".sentence[data-article]").forEach((span) => {
        if (fresh.has(span.dataset.article)) { span.classList.add("is-new"); sentences += 1; }
      });
      const banner = document.getElementById("js-whats-new");
      if (banner) {
        const strong = document.createElement("strong");
        strong.textContent = fresh.size ? "New since your last visit: " : "Nothing new since your last visit.";
        banner.replaceChildren(strong);
        if (fresh.size) {
          banner.append(`${fresh.size} ${fresh.size === 1 ? "source" : "sources"}, ` +
            `${sentences} ${sentences === 1 ? "sentence" : "sentences"} in the brief, marked below.`);
        }
        banner.hidden = false;
      }
    }
    const merged = seenList.concat(ids.filter((id) => !seen.has(id))).slice(-SEEN_LIMIT);
    try { localStorage.setItem(SEEN_KEY, JSON.stringify(merged)); } catch (error) { /* storage full or off */ }
  }

  // Job pages: poll the status endpoint and update the counters; reload once the job is over so the
  // final, server-rendered page (with links) shows.
  function setupJobPolling() {
    const job = document.getElementById("job");
    if (!job || job.dataset.active !== "true") return;
    const field = (name) => job.querySelector(`[data-field="${name}"]`);
    async function poll() {
      let status;
      try {
        const response = await fetch(`/api/jobs/${encodeURIComponent(job.dataset.jobId)}`,
          { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (!response.ok) throw new Error(String(response.status));
        status = await response.json();
      } catch (error) {
        window.setTimeout(poll, 3000);
        return;
      }
      if (status.state === "done" || status.state === "failed") {
        window.location.reload();
        return;
      }
      field("state").textContent = status.state;
      field("state").className = `state state-${status.state}`;
      field("stage").textContent = status.stage;
      for (const name of ["read", "added", "existing"]) field(name).textContent = String(status[name]);
      field("failed").textContent = String(status.failures.length);
      const list = field("failures");
      list.replaceChildren(...status.failures.map((failure) => {
        const item = document.createElement("li");
        const name = document.createElement("strong");
        name.textContent = failure.input;
        item.append(name, `: ${failure.reason}`);
        return item;
      }));
      document.getElementById("failures").hidden = status.failures.length === 0;
      window.setTimeout(poll, 800);
    }
    window.setTimeout(poll, 400);
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupCitations();
    setupWhatsNew();
    setupJobPolling();
  });
})();
