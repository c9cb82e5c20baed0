package dev.monitor.agent.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads SQL text once (when a statement is prepared, or the first time a plain statement's text
 * is seen) and returns what may leave the process: the text with every string, number, hex and
 * dollar-quoted literal replaced by {@code ?} and comments dropped, its operation, and the table
 * or procedure it names. A lexer, not a parser: it never fails, and what it cannot read it
 * leaves out (a null table) rather than guessing. Stateless and thread-safe.
 */
final class SqlSanitizer {

  /** Longest sanitized statement kept; longer ones are cut and end with "...". */
  static final int MAX_LENGTH = 1000;
  private static final int MAX_IDENTIFIER = 128;

  /** Operations reported by name; any other first word is reported as OTHER. */
  private static final java.util.Set<String> OPERATIONS =
      new java.util.HashSet<>(
          java.util.Arrays.asList(
              "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "REPLACE", "CALL", "EXEC",
              "EXECUTE", "CREATE", "ALTER", "DROP", "TRUNCATE", "BEGIN", "START", "COMMIT",
              "ROLLBACK", "SAVEPOINT", "RELEASE", "SET", "SHOW", "EXPLAIN", "VALUES", "GRANT",
              "REVOKE", "LOCK", "COPY", "ANALYZE", "VACUUM", "DECLARE", "FETCH", "CLOSE", "USE",
              "PREPARE", "DEALLOCATE", "LISTEN", "NOTIFY", "COMMENT", "REFRESH"));

  private SqlSanitizer() {}

  /** The words and punctuation of a statement, literals already replaced. */
  private static final class Token {
    final String text;
    final boolean word; // a keyword or an identifier (quoted or not)

    Token(String text, boolean word) {
      this.text = text;
      this.word = word;
    }
  }

  static SqlSummary summarize(String sql, dev.monitor.agent.metrics.LatencySeries series) {
    List<Token> tokens = new ArrayList<>();
    String sanitized = sanitize(sql == null ? "" : sql, tokens);
    String operation = "OTHER";
    String collection = null;
    int start = 0;
    // JDBC escape syntax: {call proc(?)} or {? = call proc(?)}
    while (start < tokens.size() && !tokens.get(start).word) {
      start++;
    }
    if (start < tokens.size()) {
      String first = tokens.get(start).text.toUpperCase(Locale.ROOT);
      if (first.equals("WITH")) {
        // a common table expression: the operation is the first top-level statement word after it
        int[] at = {start + 1};
        first = mainAfterWith(tokens, at);
        start = at[0];
      }
      if (OPERATIONS.contains(first)) {
        operation = first.equals("EXECUTE") ? "EXEC" : first;
        collection = collection(operation, tokens, start + 1);
      }
    }
    return new SqlSummary(operation, collection, sanitized, series);
  }

  /** The sanitized text only (what the slow-query log and /metrics.json show). */
  static String sanitize(String sql) {
    return sanitize(sql, new ArrayList<>());
  }

  private static String sanitize(String sql, List<Token> tokens) {
    StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_LENGTH) + 8);
    int n = sql.length();
    int i = 0;
    boolean gap = false; // whitespace or a comment since the last token: one space is written
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        gap = true;
        i++;
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        i = skipTo(sql, i, "\n");
        gap = true;
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        gap = true;
        continue;
      }
      if (gap && out.length() > 0) {
        out.append(' ');
      }
      gap = false;
      if (c == '\'') {
        i = skipQuoted(sql, i, '\'');
        literal(out, tokens);
      } else if ((c == 'E' || c == 'e' || c == 'N' || c == 'n' || c == 'X' || c == 'x' || c == 'B' || c == 'b')
          && i + 1 < n && sql.charAt(i + 1) == '\'') {
        i = skipQuoted(sql, i + 1, '\'');
        literal(out, tokens);
      } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
        int end = i + 1; // a positional parameter ($1), not a literal
        while (end < n && Character.isDigit(sql.charAt(end))) {
          end++;
        }
        out.append(sql, i, end);
        tokens.add(new Token("?", false));
        i = end;
      } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
        int tagEnd = dollarTagEnd(sql, i);
        String tag = sql.substring(i, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        i = close < 0 ? n : close + tag.length();
        literal(out, tokens);
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        i = skipNumber(sql, i);
        literal(out, tokens);
      } else if (c == '"' || c == '`' || c == '[') {
        char close = c == '[' ? ']' : c;
        int end = skipQuoted(sql, i, close);
        String quoted = sql.substring(i, end);
        out.append(quoted);
        tokens.add(new Token(quoted.substring(1, Math.max(1, quoted.length() - 1)), true));
        i = end;
      } else if (Character.isLetter(c) || c == '_' || c == '@' || c == '#') {
        int end = i + 1;
        while (end < n && isWordPart(sql.charAt(end))) {
          end++;
        }
        String word = sql.substring(i, end);
        String upper = word.toUpperCase(Locale.ROOT);
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
          literal(out, tokens);
        } else {
          out.append(word);
          tokens.add(new Token(word, true));
        }
        i = end;
      } else {
        out.append(c);
        tokens.add(new Token(String.valueOf(c), false));
        i++;
      }
      if (out.length() > MAX_LENGTH) {
        out.setLength(MAX_LENGTH - 3);
        out.append("...");
        break;
      }
    }
    return out.toString();
  }


  private static void literal(StringBuilder out, List<Token> tokens) {
    out.append('?');
    tokens.add(new Token("?", false));
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '#';
  }

  private static int skipTo(String sql, int from, String end) {
    int at = sql.indexOf(end, from);
    return at < 0 ? sql.length() : at + end.length();
  }

  /** Index just past a quoted run starting at {@code from}; a doubled quote is an escaped quote. */
  private static int skipQuoted(String sql, int from, char quote) {
    int n = sql.length();
    int i = from + 1;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\\' && quote == '\'' && i + 1 < n) {
        i += 2; // backslash escapes (MySQL, PostgreSQL E'...')
        continue;
      }
      if (c == quote) {
        if (i + 1 < n && sql.charAt(i + 1) == quote && quote != ']') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return n;
  }

  /** For {@code $tag$} or {@code $$} at {@code from}, the index of the closing {@code $}; else -1. */
  private static int dollarTagEnd(String sql, int from) {
    for (int i = from + 1; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '$') {
        return i;
      }
      if (!(Character.isLetter(c) || c == '_' || (i > from + 1 && Character.isDigit(c)))) {
        return -1; // $1 is a positional parameter, not a dollar quote
      }
    }
    return -1;
  }

  private static int skipNumber(String sql, int from) {
    int n = sql.length();
    int i = from;
    if (sql.charAt(i) == '0' && i + 1 < n && (sql.charAt(i + 1) == 'x' || sql.charAt(i + 1) == 'X')) {
      i += 2;
      while (i < n && Character.digit(sql.charAt(i), 16) >= 0) {
        i++;
      }
      return i;
    }
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isDigit(c) || c == '.') {
        i++;
      } else if ((c == 'e' || c == 'E') && i + 1 < n
          && (Character.isDigit(sql.charAt(i + 1)) || sql.charAt(i + 1) == '-' || sql.charAt(i + 1) == '+')) {
        i += 2;
      } else {
        break;
      }
    }
    return i;
  }

  private static String mainAfterWith(List<Token> tokens, int[] at) {
    int depth = 0;
    for (int i = at[0]; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.text.equals("(")) {
        depth++;
      } else if (t.text.equals(")")) {
        depth--;
      } else if (depth == 0 && t.word) {
        String upper = t.text.toUpperCase(Locale.ROOT);
        if (upper.equals("SELECT") || upper.equals("INSERT") || upper.equals("UPDATE")
            || upper.equals("DELETE") || upper.equals("MERGE")) {
          at[0] = i;
          return upper;
        }
      }
    }
    return "SELECT";
  }

  /** The table (or procedure) an operation names, starting after the operation word. */
  private static String collection(String operation, List<Token> tokens, int from) {
    switch (operation) {
      case "SELECT":
        return afterTopLevel(tokens, from, "FROM");
      case "DELETE":
        return afterOptionalWord(tokens, from, "FROM");
      case "INSERT":
      case "REPLACE":
      case "UPSERT":
      case "MERGE":
        return afterOptionalWord(tokens, from, "INTO");
      case "UPDATE":
        return identifierAt(tokens, skipWords(tokens, from, "ONLY"));
      case "CALL":
      case "EXEC":
        return identifierAt(tokens, from);
      case "CREATE":
      case "DROP":
      case "ALTER":
      case "TRUNCATE":
        {
          int i = from;
          while (i < tokens.size() && tokens.get(i).word && isModifier(tokens.get(i).text)) {
            i++;
          }
          if (i < tokens.size() && tokens.get(i).text.equalsIgnoreCase("TABLE")) {
            return identifierAt(tokens, skipWords(tokens, i + 1, "IF", "NOT", "EXISTS", "ONLY"));
          }
          return operation.equals("TRUNCATE") ? identifierAt(tokens, i) : null;
        }
      default:
        return null;
    }
  }

  private static boolean isModifier(String word) {
    String w = word.toUpperCase(Locale.ROOT);
    return w.equals("TEMP") || w.equals("TEMPORARY") || w.equals("GLOBAL") || w.equals("LOCAL")
        || w.equals("UNLOGGED") || w.equals("OR") || w.equals("REPLACE") || w.equals("CACHED")
        || w.equals("MEMORY");
  }

  private static int skipWords(List<Token> tokens, int from, String... words) {
    int i = from;
    outer:
    while (i < tokens.size()) {
      for (String w : words) {
        if (tokens.get(i).word && tokens.get(i).text.equalsIgnoreCase(w)) {
          i++;
          continue outer;
        }
      }
      break;
    }
    return i;
  }

  /** The identifier after the first {@code keyword} outside parentheses (SELECT ... FROM t). */
  private static String afterTopLevel(List<Token> tokens, int from, String keyword) {
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.text.equals("(")) {
        depth++;
      } else if (t.text.equals(")")) {
        depth--;
      } else if (depth == 0 && t.word && t.text.equalsIgnoreCase(keyword)) {
        return identifierAt(tokens, skipWords(tokens, i + 1, "ONLY"));
      }
    }
    return null;
  }

  /** The identifier after {@code keyword}, which may be left out ({@code DELETE t}, {@code INSERT t}). */
  private static String afterOptionalWord(List<Token> tokens, int from, String keyword) {
    return identifierAt(tokens, skipWords(tokens, skipWords(tokens, from, keyword), "ONLY", "IGNORE"));
  }

  /** A possibly qualified name ({@code schema.table}) at {@code i}; null for a subquery or none. */
  private static String identifierAt(List<Token> tokens, int i) {
    if (i >= tokens.size() || !tokens.get(i).word) {
      return null;
    }
    StringBuilder name = new StringBuilder(tokens.get(i).text);
    while (i + 2 < tokens.size() && tokens.get(i + 1).text.equals(".") && tokens.get(i + 2).word) {
      name.append('.').append(tokens.get(i + 2).text);
      i += 2;
    }
    if (name.length() > MAX_IDENTIFIER) {
      return null;
    }
    String upper = name.toString().toUpperCase(Locale.ROOT);
    if (upper.equals("SELECT") || upper.equals("VALUES") || upper.equals("SET")) {
      return null;
    }
    return name.toString();
  }
}
