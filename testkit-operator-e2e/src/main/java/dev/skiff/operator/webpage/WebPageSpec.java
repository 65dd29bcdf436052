package dev.skiff.operator.webpage;

/** What a WebPage asks for: the page's HTML and how many replicas serve it. */
public class WebPageSpec {
  private String html;
  private int replicas = 1;

  public String getHtml() {
    return html;
  }

  public void setHtml(String html) {
    this.html = html;
  }

  public int getReplicas() {
    return replicas;
  }

  public void setReplicas(int replicas) {
    this.replicas = replicas;
  }
}
