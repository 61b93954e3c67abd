using TimeVision.Cli.Evaluation;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Learning.Evaluation;
using TimeVision.Testing;

namespace TimeVision.Cli.Tests.Evaluation;

/// <summary>results.csv opens in a spreadsheet as data: text that looks like a formula is text, numbers stay numbers.</summary>
public sealed class ResultsCsvTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Text_that_starts_like_a_formula_is_neutralised_and_a_negative_error_stays_a_number()
    {
        var path = Path.Combine(_folder.Path, "results.csv");
        var result = Result("=HYPERLINK(\"https://evil.example\",\"open\").pdf") with
        {
            Model = "@SUM(A1:A9)",
            PartType = "+cmd|' /C calc'!A0",
            Complexity = "-1+1",
            MaterialGroup = "\tsteel",
        };

        await ResultsCsv.WriteAsync(path, Run(result), Token);

        var lines = await File.ReadAllLinesAsync(path, Token);
        Assert.Equal(2, lines.Length);
        Assert.Equal(
            "abc,\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"open\"\").pdf\",\"'@SUM(A1:A9)\",completed,8,7,-12.5,12.5,1,1,1500,700,0.0125,900,1,\"'+cmd|' /C calc'!A0\",\"'-1+1\",\"'\tsteel\"",
            lines[1]);
    }

    [Fact]
    public async Task Plain_text_is_written_as_it_is_and_a_comma_is_quoted()
    {
        var path = Path.Combine(_folder.Path, "results.csv");

        await ResultsCsv.WriteAsync(path, Run(Result("Příruba, DN50.pdf")), Token);

        var lines = await File.ReadAllLinesAsync(path, Token);
        Assert.Equal("document_id,file,model,status,actual_min,estimate_min,error_pct,abs_error_pct,pages_completed,pages_total,input_tokens,output_tokens,cost_usd,latency_ms,new_calls,part_type,complexity,material_group", lines[0]);
        Assert.Equal("abc,\"Příruba, DN50.pdf\",gpt-4o-2024-08-06,completed,8,7,-12.5,12.5,1,1,1500,700,0.0125,900,1,Rot,Simple,steel", lines[1]);
    }

    private static ModelDocumentResult Result(string fileName) => new()
    {
        DocumentId = "abc",
        FileName = fileName,
        Model = "gpt-4o-2024-08-06",
        ActualMinutes = 8,
        EstimatedMinutes = 7,
        Status = EvaluationStatus.Completed,
        PagesCompleted = 1,
        PagesTotal = 1,
        InputTokens = 1500,
        OutputTokens = 700,
        CostUsd = 0.0125,
        LatencyMs = 900,
        NewCalls = 1,
        PartType = "Rot",
        Complexity = "Simple",
        MaterialGroup = "steel",
    };

    private static EvaluationRun Run(ModelDocumentResult result) =>
        new(new EvaluationSet("test", [], []), [result.Model], [result], StoppedAtBudget: false, SpentUsd: 0, BudgetUsd: null);
}
