/** Data cards of synthetic releases and their Markdown/HTML/JSON renderings. */
package io.synthline.governance.engine.datacard;
