namespace Praxi.FixEngine.Cli.Tests.Commands;

public sealed class BenchRelocateCommandTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create("relocate");

    public BenchRelocateCommandTests() => WriteDataset(_temp.Path, "praxi-relocation/1");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_Json_PrintsOneLineWithTheCounts()
    {
        var (code, output, error) = await RunAsync("bench", "relocate", _temp.Path, "--json");

        code.Should().Be(ExitCodes.Success, because: error);
        output.Should().Be("""{"pairs":6,"correct":3,"wrong":1,"abstained":2}""" + "\n");
    }

    [Fact]
    public async Task Run_Table_ListsSitesAndBothTotals()
    {
        var (code, output, error) = await RunAsync("bench", "relocate", _temp.Path);

        code.Should().Be(ExitCodes.Success, because: error);
        var lines = output.Split('\n');
        lines.Should().Contain(l => l.StartsWith("alpha ", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("beta (answers only)", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("all sites ", StringComparison.Ordinal) && l.Contains("3 (50.0%)", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("without answers-only ", StringComparison.Ordinal) && l.Contains("2 (50.0%)", StringComparison.Ordinal) && l.Contains("1 (25.0%)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_OtherFormat_OneLineAndExitCode2()
    {
        WriteDataset(_temp.Path, "praxi-relocation/2");

        var (code, output, error) = await RunAsync("bench", "relocate", _temp.Path, "--json");

        code.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Trim().Should().StartWith("praxi: ").And.Contain("'praxi-relocation/2'").And.NotContain("\n");
    }

    [Fact]
    public async Task Run_NotAFolder_OneLineAndExitCode2()
    {
        var (code, output, error) = await RunAsync("bench", "relocate", Path.Combine(_temp.Path, "missing"));

        code.Should().Be(ExitCodes.BadInput);
        output.Should().BeEmpty();
        error.Trim().Should().Contain("is not a folder").And.NotContain("\n");
    }

    [Fact]
    public async Task Run_Sites_MeasuresOnlyThoseSites()
    {
        var (code, output, error) = await RunAsync("bench", "relocate", _temp.Path, "--sites", "beta", "--json");

        code.Should().Be(ExitCodes.Success, because: error);
        output.Should().Be("""{"pairs":2,"correct":1,"wrong":0,"abstained":1}""" + "\n");
    }

    [Fact]
    public async Task Run_UnknownSite_OneLineAndExitCode2()
    {
        var (code, _, error) = await RunAsync("bench", "relocate", _temp.Path, "--sites", "gamma");

        code.Should().Be(ExitCodes.BadInput);
        error.Trim().Should().Contain("no site 'gamma'").And.NotContain("\n");
    }

    [Fact]
    public async Task Run_Mutate_PrintsTheCountsPerMutationAsJson()
    {
        var pages = Directory.CreateDirectory(Path.Combine(_temp.Path, "pages")).FullName;
        File.WriteAllText(Path.Combine(pages, "page.html"), """<html><body><main><h1>Orders</h1><button id="export" class="btn">Export CSV</button><a href="/help">Help centre</a></main></body></html>""");

        var (code, output, error) = await RunAsync("bench", "relocate", "--mutate", pages, "--seed", "3", "--json");

        code.Should().Be(ExitCodes.Success, because: error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        json.RootElement.GetProperty("pages").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("seed").GetInt32().Should().Be(3);
        json.RootElement.GetProperty("mutations").GetProperty("removed").GetProperty("cases").GetInt32().Should().BePositive();
        var cases = json.RootElement.GetProperty("cases").GetInt32();
        (json.RootElement.GetProperty("correct").GetInt32() + json.RootElement.GetProperty("wrong").GetInt32() + json.RootElement.GetProperty("abstained").GetInt32()).Should().Be(cases);
    }

    [Fact]
    public async Task Run_DatasetAndMutateTogether_OneLineAndExitCode2()
    {
        var (code, _, error) = await RunAsync("bench", "relocate", _temp.Path, "--mutate", _temp.Path);

        code.Should().Be(ExitCodes.BadInput);
        error.Trim().Should().Contain("not both").And.NotContain("\n");
    }

    [Fact]
    public async Task Run_NeitherDatasetNorMutate_OneLineAndExitCode2()
    {
        var (code, _, error) = await RunAsync("bench", "relocate");

        code.Should().Be(ExitCodes.BadInput);
        error.Trim().Should().Contain("--mutate").And.NotContain("\n");
    }

    [Fact]
    public async Task Run_Folds_PrintsLearnedAndHandSetPerDatasetPerFoldAndTheRiskCurve()
    {
        var (first, second) = (_temp.Combine("first"), _temp.Combine("second"));
        Directory.CreateDirectory(first);
        Directory.CreateDirectory(second);
        Praxi.Testing.SyntheticRelocation.Write(first, sites: 4, targets: 6, seed: 1, name: "first");
        Praxi.Testing.SyntheticRelocation.Write(second, sites: 3, targets: 6, seed: 2, name: "second");

        var (code, output, error) = await RunAsync("bench", "relocate", first, second, "--folds", "3");
        var (jsonCode, json, jsonError) = await RunAsync("bench", "relocate", first, second, "--folds", "3", "--json");

        code.Should().Be(ExitCodes.Success, because: error);
        output.Should().Contain("first learned").And.Contain("first hand-set").And.Contain("second learned").And.Contain("accepted risk");
        jsonCode.Should().Be(ExitCodes.Success, because: jsonError);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var datasets = doc.RootElement.GetProperty("datasets").EnumerateArray().ToArray();
        datasets.Select(d => d.GetProperty("dataset").GetString()).Should().Equal("first", "second");
        var pairs = doc.RootElement.GetProperty("per_fold").EnumerateArray().Sum(f => f.GetProperty("pairs").GetInt32());
        pairs.Should().Be(42);
        foreach (var d in datasets)
        {
            var learned = d.GetProperty("learned");
            (learned.GetProperty("correct").GetInt32() + learned.GetProperty("wrong").GetInt32() + learned.GetProperty("abstained").GetInt32()).Should().Be(learned.GetProperty("pairs").GetInt32());
        }
    }

    [Fact]
    public async Task Run_Weights_MeasuresTrainedHandSetOrRefusesABrokenFile()
    {
        var data = _temp.Combine("synthetic");
        Directory.CreateDirectory(data);
        Praxi.Testing.SyntheticRelocation.Write(data, sites: 3, targets: 6, seed: 4);
        var weights = _temp.Combine("relocation.json");
        var (trainCode, trainOut, trainError) = await RunAsync("train", "--relocation", data, "--out", weights);
        trainCode.Should().Be(ExitCodes.Success, because: trainError);
        trainOut.Should().Contain("18 targets from 3 sites");

        var (code, output, error) = await RunAsync("bench", "relocate", data, "--weights", weights);
        var (similoCode, similo, _) = await RunAsync("bench", "relocate", data, "--weights", "similo");
        File.WriteAllText(weights, """{"format":"praxi-relocation-weights","version":1,"weights":{"tag":1}}""");
        var (brokenCode, brokenOut, brokenError) = await RunAsync("bench", "relocate", data, "--weights", weights);

        code.Should().Be(ExitCodes.Success, because: error);
        output.Should().Contain("learned weights, calibrated risk");
        similoCode.Should().Be(ExitCodes.Success);
        similo.Should().Contain("hand-set weights");
        brokenCode.Should().Be(ExitCodes.BadInput);
        brokenOut.Should().BeEmpty();
        brokenError.Trim().Should().Contain("lack the property").And.NotContain("\n");
    }

    [Fact]
    public async Task Run_FoldsOverTooFewSites_OneLineAndExitCode2()
    {
        var (code, _, error) = await RunAsync("bench", "relocate", _temp.Path, "--folds", "5");

        code.Should().Be(ExitCodes.BadInput);
        error.Trim().Should().Contain("needs at least 5 sites").And.NotContain("\n");
    }

    /// <summary>
    /// Two made-up sites. alpha: a button whose id was renamed and which moved into a wrapper (found), an input
    /// renamed in place (found), a select that is gone (abstain), and a link whose answer looks nothing like it
    /// while a look-alike stays (the one wrong answer). beta, an answers-only pool: two identical buttons
    /// (abstain) and a heading (found).
    /// </summary>
    private static void WriteDataset(string dir, string format)
    {
        Directory.CreateDirectory(Path.Combine(dir, "sites"));
        File.WriteAllText(Path.Combine(dir, "dataset.json"), $$"""{"format":"{{format}}","dataset":"tiny"}""");
        File.WriteAllText(Path.Combine(dir, "sites.json"), """
            [
              {"site":"alpha","file":"sites/alpha.jsonl","targets":4,"candidates":5,"distractors":1,"answers_only_pool":false},
              {"site":"beta","file":"sites/beta.jsonl","targets":2,"candidates":3,"distractors":0,"answers_only_pool":true}
            ]
            """);
        File.WriteAllLines(Path.Combine(dir, "sites", "alpha.jsonl"),
        [
            """{"kind":"target","id":"t001","props":{"tag":"BUTTON","id":"checkout","class":"btn btn-primary","text":"Go to checkout","neighbor_text":"cart total items","xpath":"/html[1]/body[1]/header[1]/form[1]/button[1]","idxpath":"//*[@id='checkout']"}}""",
            """{"kind":"target","id":"t002","props":{"tag":"INPUT","id":"q","name":"q","class":"field","placeholder":"Search the shop","xpath":"/html[1]/body[1]/header[1]/div[2]/form[1]/input[1]","idxpath":"//*[@id='q']"}}""",
            """{"kind":"target","id":"t003","props":{"tag":"SELECT","id":"currency","name":"currency","class":"picker","neighbor_text":"choose your currency","xpath":"/html[1]/body[1]/main[1]/section[3]/select[1]","idxpath":"//*[@id='currency']"}}""",
            """{"kind":"target","id":"t004","props":{"tag":"A","class":"nav-link","text":"Home","href":"https://shop.example/","xpath":"/html[1]/body[1]/header[1]/nav[1]/a[1]","idxpath":"/html[1]/body[1]/header[1]/nav[1]/a[1]"}}""",
            """{"kind":"candidate","id":"c0001","props":{"tag":"A","class":"nav-link","text":"Home","href":"https://shop.example/","xpath":"/html[1]/body[1]/header[1]/nav[1]/a[1]","idxpath":"/html[1]/body[1]/header[1]/nav[1]/a[1]"}}""",
            """{"kind":"candidate","id":"c0002","props":{"tag":"BUTTON","id":"checkout-btn","class":"btn btn-primary","text":"Go to checkout","neighbor_text":"cart total items","xpath":"/html[1]/body[1]/header[1]/div[2]/form[1]/button[1]","idxpath":"//*[@id='checkout-btn']"}}""",
            """{"kind":"candidate","id":"c0003","props":{"tag":"INPUT","id":"search","name":"search","class":"field","placeholder":"Search the shop","xpath":"/html[1]/body[1]/header[1]/div[2]/form[1]/input[1]","idxpath":"//*[@id='search']"}}""",
            """{"kind":"candidate","id":"c0004","props":{"tag":"SPAN","class":"legal","text":"Imprint","xpath":"/html[1]/body[1]/footer[1]/span[1]","idxpath":"/html[1]/body[1]/footer[1]/span[1]"}}""",
            """{"kind":"candidate","id":"c0005","props":{"tag":"SPAN","class":"badge","text":"EUR","xpath":"/html[1]/body[1]/footer[1]/div[1]/span[2]","idxpath":"/html[1]/body[1]/footer[1]/div[1]/span[2]"}}""",
        ]);
        File.WriteAllLines(Path.Combine(dir, "sites", "beta.jsonl"),
        [
            """{"kind":"target","id":"t001","props":{"tag":"BUTTON","class":"add","text":"Add to cart","xpath":"/html[1]/body[1]/main[1]/ul[1]/li[2]/button[1]","idxpath":"/html[1]/body[1]/main[1]/ul[1]/li[2]/button[1]"}}""",
            """{"kind":"target","id":"t002","props":{"tag":"H1","class":"title","text":"Welcome back","xpath":"/html[1]/body[1]/main[1]/h1[1]","idxpath":"/html[1]/body[1]/main[1]/h1[1]"}}""",
            """{"kind":"candidate","id":"c0001","props":{"tag":"BUTTON","class":"add","text":"Add to cart","xpath":"/html[1]/body[1]/main[1]/div[1]/ul[1]/li[1]/button[1]","idxpath":"/html[1]/body[1]/main[1]/div[1]/ul[1]/li[1]/button[1]"}}""",
            """{"kind":"candidate","id":"c0002","props":{"tag":"BUTTON","class":"add","text":"Add to cart","xpath":"/html[1]/body[1]/main[1]/div[1]/ul[1]/li[3]/button[1]","idxpath":"/html[1]/body[1]/main[1]/div[1]/ul[1]/li[3]/button[1]"}}""",
            """{"kind":"candidate","id":"c0003","props":{"tag":"H1","class":"title hero","text":"Welcome back!","xpath":"/html[1]/body[1]/main[1]/div[1]/h1[1]","idxpath":"/html[1]/body[1]/main[1]/div[1]/h1[1]"}}""",
        ]);
        File.WriteAllLines(Path.Combine(dir, "answers.jsonl"),
        [
            """{"site":"alpha","target_id":"t001","answer_id":"c0002"}""",
            """{"site":"alpha","target_id":"t002","answer_id":"c0003"}""",
            """{"site":"alpha","target_id":"t003","answer_id":"c0005"}""",
            """{"site":"alpha","target_id":"t004","answer_id":"c0004"}""",
            """{"site":"beta","target_id":"t001","answer_id":"c0002"}""",
            """{"site":"beta","target_id":"t002","answer_id":"c0003"}""",
        ]);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PraxiCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
