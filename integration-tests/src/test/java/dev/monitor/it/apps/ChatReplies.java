package dev.monitor.it.apps;

/** What the chat endpoints answer, in either namespace. */
final class ChatReplies {

  private ChatReplies() {}

  static String reply(String text) throws InterruptedException {
    if ("boom".equals(text)) {
      throw new IllegalStateException("handler failed on purpose");
    }
    if ("slow".equals(text)) {
      Thread.sleep(50);
    }
    return "echo:" + text;
  }
}
