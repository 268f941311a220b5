package vn.parindex.example;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.PointerByReference;
import java.util.Locale;
import java.util.Map;

/**
 * Bắc Sơn district's PAR INDEX 2023 through parindex's C interface (include/parindex/parindex.h):
 * 84.87 of 99.50 points, 85.30%, as Decision 102/QĐ-UBND of 16/01/2024 published. Throws when a
 * figure differs, so the test suite fails.
 *
 * <p>Usage: ScoreBacSon FRAMEWORK ASSESSMENT, with -Djna.library.path naming libparindex_c's folder.
 */
public final class ScoreBacSon {

  /** The part of the C interface this example calls, one method per C function. */
  public interface ParIndex extends Library {
    int PARINDEX_OK = 0;
    int PARINDEX_ERROR_IO = 4;
    int PARINDEX_C_API_VERSION = 1000; // the header's macro this mapping was written against

    int parindex_c_api_compatible(int headerVersion);
    int parindex_c_api_version();

    int parindex_framework_load(String path, PointerByReference out);
    void parindex_framework_free(Pointer framework);
    int parindex_assessment_load(String path, PointerByReference out);
    void parindex_assessment_free(Pointer assessment);
    int parindex_evaluate(Pointer framework, Pointer assessment, PointerByReference out);
    void parindex_scorecard_free(Pointer scorecard);
    int parindex_scorecard_totals(Pointer scorecard, Totals out);
    int parindex_gaps_json(Pointer scorecard, PointerByReference out);
    void parindex_string_free(Pointer text);

    String parindex_last_error_message();
    String parindex_last_error_where();
  }

  /** parindex_totals, field for field. */
  @Structure.FieldOrder({"max_points", "achieved", "bonus", "penalty", "total", "index_percent", "decimals"})
  public static class Totals extends Structure {
    public double max_points;
    public double achieved;
    public double bonus;
    public double penalty;
    public double total;
    public double index_percent;
    public int decimals;
  }

  private static ParIndex parindex;

  private ScoreBacSon() {}

  /** A call that must succeed: otherwise the library's message, as an exception. */
  private static void ok(int status, String what) {
    if (status != ParIndex.PARINDEX_OK) {
      throw new IllegalStateException(what + ": " + parindex.parindex_last_error_message());
    }
  }

  private static void expect(String actual, String expected, String what) {
    if (!actual.equals(expected)) {
      throw new AssertionError(what + ": expected " + expected + ", got " + actual);
    }
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** A string the library allocated, copied into Java and released. */
  private static String take(PointerByReference text) {
    Pointer p = text.getValue();
    try {
      return p.getString(0, "UTF-8");
    } finally {
      parindex.parindex_string_free(p);
    }
  }

  public static void main(String[] args) {
    if (args.length != 2) throw new IllegalArgumentException("usage: ScoreBacSon FRAMEWORK ASSESSMENT");
    parindex = Native.load("parindex_c", ParIndex.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
    if (parindex.parindex_c_api_compatible(ParIndex.PARINDEX_C_API_VERSION) != 1) {
      throw new IllegalStateException("libparindex_c " + parindex.parindex_c_api_version()
          + " does not serve interface " + ParIndex.PARINDEX_C_API_VERSION);
    }

    PointerByReference framework = new PointerByReference();
    PointerByReference assessment = new PointerByReference();
    PointerByReference card = new PointerByReference();
    try {
      ok(parindex.parindex_framework_load(args[0], framework), "framework");
      ok(parindex.parindex_assessment_load(args[1], assessment), "assessment");
      ok(parindex.parindex_evaluate(framework.getValue(), assessment.getValue(), card), "evaluate");
      Totals totals = new Totals();
      ok(parindex.parindex_scorecard_totals(card.getValue(), totals), "totals");
      int d = totals.decimals;
      System.out.println("Bắc Sơn: " + fixed(totals.total, d) + " / " + fixed(totals.max_points, d) + " = "
          + fixed(totals.index_percent, d) + "%");
      expect(fixed(totals.total, d), "84.87", "total");
      expect(fixed(totals.max_points, d), "99.50", "max");
      expect(fixed(totals.index_percent, d), "85.30", "index %");

      PointerByReference gaps = new PointerByReference();
      ok(parindex.parindex_gaps_json(card.getValue(), gaps), "gaps");
      String json = take(gaps);
      if (!json.contains("\"total_lost\": 14.63")) throw new AssertionError("gaps: total_lost is not 14.63");
      // Vietnamese text survives the boundary as UTF-8.
      if (!json.contains("Huyện Bắc Sơn")) throw new AssertionError("gaps: the unit's name was not read as UTF-8");
      System.out.println("gaps: 14.63 points lost");

      // An error comes back as a status and a message naming the file, never as a crash.
      PointerByReference missing = new PointerByReference();
      int status = parindex.parindex_framework_load("no-such-framework.json", missing);
      if (status != ParIndex.PARINDEX_ERROR_IO || missing.getValue() != null) {
        throw new AssertionError("a missing file gave status " + status);
      }
      expect(parindex.parindex_last_error_where(), "no-such-framework.json", "error's where");
      System.out.println("error: " + parindex.parindex_last_error_message());
    } finally {
      parindex.parindex_scorecard_free(card.getValue());
      parindex.parindex_assessment_free(assessment.getValue());
      parindex.parindex_framework_free(framework.getValue());
    }
  }
}
