// Firefox's reader view on one page: Mozilla Readability over jsdom, as the browser runs it (no scripts, no CSS).
// Usage: node reader_view.js URL < page.html; prints {"title", "text", "html"} as JSON, or null when Readability
// finds no article.
"use strict";
const { JSDOM } = require("jsdom");
const { Readability } = require("@mozilla/readability");

let html = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { html += chunk; });
process.stdin.on("end", () => {
  const dom = new JSDOM(html, { url: process.argv[2] });
  const article = new Readability(dom.window.document).parse();
  process.stdout.write(JSON.stringify(article && { title: article.title, text: article.textContent, html: article.content }));
});
