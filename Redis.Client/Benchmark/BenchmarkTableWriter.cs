using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Redis.Client.Benchmark;

/// <summary>Writes a <see cref="BenchmarkTable"/> as a Spectre.Console table, aligned plain text, CSV or JSON.</summary>
/// <remarks>
/// People get rounded, unit-aware cells (<c>10 KB</c>, <c>0.123</c>); CSV and JSON get plain numbers (bytes, milliseconds
/// to the microsecond) so a script can compute with them. Mismatches are listed in text and JSON; CSV carries only the
/// per-row counts, and the caller prints the descriptions on standard error.
/// </remarks>
internal static class BenchmarkTableWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static string ToText(BenchmarkTable table)
    {
        var cells = table.Rows.Select(row => table.Columns.Select((c, i) => Display(c, row[i])).ToArray()).ToList();
        var widths = table.Columns.Select((c, i) => cells.Select(r => r[i].Length).Append(c.Header.Length).Max()).ToArray();
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Benchmark: {table.Name} against {table.Server}\n");
        AppendAligned(text, table.Columns, table.Columns.Select(c => c.Header).ToArray(), widths);
        foreach (var row in cells)
        {
            AppendAligned(text, table.Columns, row, widths);
        }

        return AppendMismatches(text, table).ToString();
    }

    public static string ToCsv(BenchmarkTable table)
    {
        var text = new StringBuilder().AppendJoin(',', table.Columns.Select(c => c.Id)).Append('\n');
        foreach (var row in table.Rows)
        {
            text.AppendJoin(',', row.Select(Plain)).Append('\n');
        }

        return text.ToString();
    }

    public static string ToJson(BenchmarkTable table)
    {
        var results = table.Rows
            .Select(row => table.Columns.Select((c, i) => (c.Id, Value: Round(row[i]))).ToDictionary(p => p.Id, p => p.Value))
            .ToList();
        var document = new
        {
            Benchmark = table.Name,
            table.Server,
            table.Settings,
            Results = results,
            Mismatches = table.MismatchCount,
            MismatchDetails = table.Mismatches,
        };
        return JsonSerializer.Serialize(document, Json) + "\n";
    }

    public static void WriteTable(BenchmarkTable table, IAnsiConsole console)
    {
        var grid = new Table { Title = new TableTitle($"{table.Name} benchmark against {Markup.Escape(table.Server)}") };
        foreach (var column in table.Columns)
        {
            var tableColumn = new TableColumn(Markup.Escape(column.Header));
            grid.AddColumn(column.Kind == BenchmarkColumnKind.Text ? tableColumn : tableColumn.RightAligned());
        }

        foreach (var row in table.Rows)
        {
            grid.AddRow(table.Columns.Select((c, i) => Markup.Escape(Display(c, row[i]))).ToArray());
        }

        console.Write(grid);
        console.WriteLine(table.MismatchCount == 0 ? "Mismatches: 0" : $"Mismatches: {table.MismatchCount}");
        foreach (var mismatch in table.Mismatches)
        {
            console.WriteLine("  " + mismatch);
        }
    }

    /// <summary>A cell as people read it.</summary>
    internal static string Display(BenchmarkColumn column, object value) => column.Kind switch
    {
        BenchmarkColumnKind.Size => SizeMatrixBenchmark.Size(Convert.ToInt32(value, CultureInfo.InvariantCulture)),
        BenchmarkColumnKind.Milliseconds => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("0.000", CultureInfo.InvariantCulture),
        BenchmarkColumnKind.Rate => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("0.0", CultureInfo.InvariantCulture),
        _ => Plain(value),
    };

    private static void AppendAligned(StringBuilder text, IReadOnlyList<BenchmarkColumn> columns, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = columns[i].Kind == BenchmarkColumnKind.Text ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]);
            text.Append(i == 0 ? "" : "  ").Append(cell);
        }

        text.Append('\n');
    }

    private static StringBuilder AppendMismatches(StringBuilder text, BenchmarkTable table)
    {
        text.Append(CultureInfo.InvariantCulture, $"Mismatches: {table.MismatchCount}\n");
        foreach (var mismatch in table.Mismatches)
        {
            text.Append("  ").Append(mismatch).Append('\n');
        }

        return text;
    }

    private static object Round(object value) => value is double d ? Math.Round(d, 6) : value;

    private static string Plain(object value) => value switch
    {
        double d => Math.Round(d, 6).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
