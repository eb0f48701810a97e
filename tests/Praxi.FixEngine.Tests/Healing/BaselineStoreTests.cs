using System.Text.Json;
using Praxi.FixEngine.Healing.Baseline;
using Praxi.FixEngine.Healing.Fingerprints;
using Praxi.FixEngine.Locators;

namespace Praxi.FixEngine.Tests.Healing;

public sealed class BaselineStoreTests : IDisposable
{
    private readonly TempFolder _temp = TempFolder.Create();

    public void Dispose() => _temp.Dispose();

    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static BaselineEntry Entry(string? test, string selector, string text, DateTimeOffset? at = null, string tag = "BUTTON") => new(
        test,
        BaselineKeys.Normalize(selector),
        new ElementProps { Tag = tag, Text = text, Id = "b1", XPath = "/html[1]/body[1]/button[1]", IdXPath = "//*[@id='b1']", Role = "button", AccessibleName = text, Hidden = false },
        new BaselineSource("trace", "test-results/x/trace.zip", "call@1"),
        at ?? Monday);

    [Fact]
    public void ToJson_Entries_WritesTheDocumentedFormat()
    {
        var sut = BaselineStore.Empty.Merge([Entry("login.spec.ts › signs in", "internal:role=button[name=\"Sign in\"i]", "Sign in")]);

        using var json = JsonDocument.Parse(sut.ToJson());

        var root = json.RootElement;
        root.GetProperty("format").GetString().Should().Be("praxi-baseline/1");
        var entry = root.GetProperty("entries")[0];
        entry.GetProperty("test").GetString().Should().Be("login.spec.ts › signs in");
        entry.GetProperty("locator").GetString().Should().Be("internal:role=button[name=\"Sign in\"i]");
        entry.GetProperty("fingerprint").GetProperty("tag").GetString().Should().Be("BUTTON");
        entry.GetProperty("fingerprint").GetProperty("idxpath").GetString().Should().Be("//*[@id='b1']");
        entry.GetProperty("fingerprint").GetProperty("accessible_name").GetString().Should().Be("Sign in");
        entry.GetProperty("fingerprint").GetProperty("hidden").GetBoolean().Should().BeFalse();
        entry.GetProperty("fingerprint").TryGetProperty("class", out _).Should().BeFalse("unknown fields are left out");
        entry.GetProperty("source").GetProperty("kind").GetString().Should().Be("trace");
        entry.GetProperty("source").GetProperty("call").GetString().Should().Be("call@1");
        entry.GetProperty("recorded_at").GetString().Should().Be("2026-03-02T09:00:00.000Z");
    }

    [Fact]
    public void Parse_WhatToJsonWrote_RoundTrips()
    {
        var original = BaselineStore.Empty.Merge([Entry("a", "#x", "One"), Entry(null, "#y", "Two")]);

        var sut = BaselineStore.Parse(original.ToJson(), "baseline.json");

        sut.Entries.Should().BeEquivalentTo(original.Entries);
        sut.ToJson().Should().Be(original.ToJson());
    }

    [Fact]
    public void Parse_UnknownFields_AreIgnored()
    {
        var json = """
            { "format": "praxi-baseline/1", "written_by": "a later praxi",
              "entries": [ { "test": null, "locator": "#x", "fingerprint": { "tag": "A", "shadow_depth": 2 },
                             "source": { "kind": "trace", "file": "t.zip", "frame": "main" }, "recorded_at": "2026-03-02T09:00:00Z", "tags": [] } ] }
            """;

        var sut = BaselineStore.Parse(json, "baseline.json");

        sut.Entries.Should().ContainSingle().Which.Fingerprint.Tag.Should().Be("A");
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("""{ "format": "praxi-baseline/2", "entries": [] }""", "praxi-baseline/2")]
    [InlineData("""{ "entries": [] }""", "(none)")]
    [InlineData("""{ "format": "praxi-baseline/1", "entries": [ { "locator": "#x" } ] }""", "entry 0")]
    [InlineData("""{ "format": "praxi-baseline/1", "entries": [ { "locator": "#x", "fingerprint": { "tag": "A" }, "recorded_at": "yesterday" } ] }""", "recorded_at")]
    public void Parse_BadStore_ThrowsAOneLineFixEngineException(string json, string mention)
    {
        var act = () => BaselineStore.Parse(json, "baseline.json");

        act.Should().Throw<FixEngineException>()
            .Which.Message.Should().Contain("baseline.json").And.Contain(mention).And.NotContain("\n");
    }

    [Fact]
    public void Merge_SameTestAndLocator_NewerReplacesOlder()
    {
        var old = BaselineStore.Empty.Merge([Entry("t", "#x", "Old")]);

        var sut = old.Merge([Entry("t", "#x", "New", Monday.AddDays(1))]);

        sut.Entries.Should().ContainSingle().Which.Fingerprint.Text.Should().Be("New");
    }

    [Fact]
    public void Merge_OlderRecording_DoesNotReplaceANewerEntry()
    {
        var recent = BaselineStore.Empty.Merge([Entry("t", "#x", "New", Monday.AddDays(1))]);

        var sut = recent.Merge([Entry("t", "#x", "Old")]);

        sut.Entries.Should().ContainSingle().Which.Fingerprint.Text.Should().Be("New");
    }

    [Fact]
    public void Merge_OtherTest_KeepsBoth()
    {
        var sut = BaselineStore.Empty.Merge([Entry("a", "#x", "X")]).Merge([Entry("b", "#x", "X")]);

        sut.Entries.Should().HaveCount(2);
    }

    [Fact]
    public void Find_MessageLocator_FindsTheEntryRecordedFromTheTraceSelector()
    {
        var sut = BaselineStore.Empty.Merge([Entry("login.spec.ts › signs in", "internal:role=button[name=\"Sign in\"i]", "Sign in")]);
        LocatorExpression.TryParse("getByRole('button', { name: 'Sign in' })", out var spec).Should().BeTrue();

        var found = sut.Find("[chromium] › login.spec.ts › signs in", spec!);

        found.Should().NotBeNull();
        found!.Fingerprint.Text.Should().Be("Sign in");
    }

    [Fact]
    public void Find_TestOwnEntry_WinsOverOtherTests()
    {
        var sut = BaselineStore.Empty.Merge([Entry("a", "#x", "From A"), Entry("b", "#x", "From B")]);

        sut.Find("b", "#x")!.Fingerprint.Text.Should().Be("From B");
    }

    [Fact]
    public void Find_UnknownTestAndAgreeingEntries_GivesTheNewest()
    {
        var sut = BaselineStore.Empty.Merge([Entry("a", "#x", "Same"), Entry("b", "#x", "Same", Monday.AddHours(1))]);

        var found = sut.Find("c", "#x");

        found.Should().NotBeNull();
        found!.Test.Should().Be("b");
    }

    [Fact]
    public void Find_UnknownTestAndDisagreeingEntries_GivesNothing()
    {
        var sut = BaselineStore.Empty.Merge([Entry("a", "#x", "Sign in"), Entry("b", "#x", "Place order")]);

        sut.Find(null, "#x").Should().BeNull();
    }

    [Fact]
    public void Find_OtherLocator_GivesNothing()
    {
        var sut = BaselineStore.Empty.Merge([Entry("a", "#x", "X")]);

        sut.Find("a", "#y").Should().BeNull();
    }

    [Fact]
    public async Task SaveAsync_ThenLoadAsync_RoundTripsAndLeavesNoTempFile()
    {
        var dir = _temp.Subfolder();
        var path = Path.Combine(dir, ".praxi", "baseline.json");
        var store = BaselineStore.Empty.Merge([Entry("a", "#x", "X")]);

        await store.SaveAsync(path);
        var sut = await BaselineStore.LoadAsync(path);

        sut.Entries.Should().BeEquivalentTo(store.Entries);
        Directory.GetFiles(Path.GetDirectoryName(path)!).Should().ContainSingle();
    }

    [Fact]
    public async Task LoadAsync_MissingFile_IsEmpty()
    {
        var sut = await BaselineStore.LoadAsync(Path.Combine(_temp.Subfolder(), "none.json"));

        sut.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task LoadAsync_TooLarge_IsRefused()
    {
        var path = Path.Combine(_temp.Subfolder(), "baseline.json");
        await using (var file = File.Create(path))
        {
            file.SetLength(BaselineStore.MaxBytes + 1);
        }

        var act = () => BaselineStore.LoadAsync(path);

        (await act.Should().ThrowAsync<FixEngineException>()).Which.Message.Should().Contain("more than");
    }
}
