package fake.websocket;

/** Shaped like {@code javax.websocket.CloseReason}: {@code getCloseCode().getCode()}. */
public final class CloseReason {

  /** Like {@code CloseReason.CloseCode}. */
  public interface CloseCode {
    int getCode();
  }

  private final int code;

  public CloseReason(int code) {
    this.code = code;
  }

  public CloseCode getCloseCode() {
    return () -> code;
  }
}
