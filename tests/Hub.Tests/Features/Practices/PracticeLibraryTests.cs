using Microsolidarity.Hub.Features.Practices;

namespace Microsolidarity.Hub.Tests.Features.Practices;

/// <summary>The library's files and the parser that reads them (no hub needed).</summary>
public sealed class PracticeLibraryTests
{
    private static readonly IReadOnlyList<(string Slug, string Text)> Files = [.. PracticeLibrary.ReadFiles()];

    /// <summary>Every file in Features/Practices/Library is embedded: none is left out of the build.</summary>
    [Fact]
    public void EveryLibraryFile_IsEmbedded()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Hub", "Features", "Practices", "Library");
        var onDisk = Directory.GetFiles(folder, "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Order().ToList();
        Assert.Equal(onDisk, Files.Select(f => f.Slug).Order().ToList());
        Assert.True(onDisk.Count >= 15, $"The library has {onDisk.Count} practices; it promises at least 15.");
    }

    public static TheoryData<string> Slugs => [.. PracticeLibrary.ReadFiles().Select(f => f.Slug)];

    [Theory]
    [MemberData(nameof(Slugs))]
    public void EachPracticeFile_HasEveryPart_AndItsStepsAddUpToItsTime(string slug)
    {
        var text = Files.Single(f => f.Slug == slug).Text;
        var parsed = PracticeText.Parse(slug, text);
        Assert.True(parsed.Practice is not null, $"{slug}.md: {string.Join(" ", parsed.Problems)}");
        var p = parsed.Practice!;
        Assert.True(PracticeText.IsSlug(slug), $"{slug} is not a slug");
        Assert.False(string.IsNullOrWhiteSpace(p.Title), "title");
        Assert.False(string.IsNullOrWhiteSpace(p.Summary), "summary");
        Assert.True(p.Purpose.Length > 80, $"{slug}: the purpose says too little");
        Assert.NotEmpty(p.Scales);
        Assert.True(p.Minutes > 0);
        Assert.False(string.IsNullOrWhiteSpace(p.TimedFor), $"{slug}: say what group size the time is for");
        Assert.NotEmpty(p.Roles);
        Assert.NotEmpty(p.Steps);
        Assert.All(p.Steps, s =>
        {
            Assert.True(s.Minutes > 0, $"{slug}: “{s.Title}” has no minutes");
            Assert.False(string.IsNullOrWhiteSpace(s.HostSays), $"{slug}: “{s.Title}” has no words for the host");
            Assert.False(string.IsNullOrWhiteSpace(s.What), $"{slug}: “{s.Title}” does not say what happens");
        });
        Assert.Equal(p.Minutes, p.Steps.Sum(s => s.Minutes));
        Assert.NotEmpty(p.Prompts);
        Assert.NotEmpty(p.Variations);
        Assert.False(string.IsNullOrWhiteSpace(p.Online), $"{slug}: online notes");
        Assert.False(string.IsNullOrWhiteSpace(p.InPerson), $"{slug}: in-person notes");
        Assert.False(string.IsNullOrWhiteSpace(p.Origin), $"{slug}: say where it comes from");
    }

    [Fact]
    public void Library_HasThePracticesTheIssueAsksFor()
    {
        var library = new PracticeLibrary();
        foreach (var slug in new[]
        {
            "check-in", "check-out", "case-clinic", "appreciation-round", "feedback-round", "empathy-circle", "sharing-circle",
            "speaking-circle", "commitments-round", "goals-review", "tension-round", "retrospective", "peer-coaching-pair",
            "one-two-four-all", "inner-weather",
        })
        {
            Assert.True(library.Find(slug) is not null, $"missing {slug}");
        }
        Assert.Contains(library.All, p => p.IsForOneself);
        Assert.Contains(Scale.Dyad, library.Find("peer-coaching-pair")!.Scales);
        Assert.Equal([2, 3, 4, 6], library.Find("one-two-four-all")!.Steps.Select(s => s.Minutes));
    }

    [Fact]
    public void Parse_StepsThatDoNotAddUp_SaysSo()
    {
        var parsed = PracticeText.Parse("short", """
            ---
            title: Short
            purpose: To test.
            scales: [crew]
            minutes: 10
            steps:
              - title: One
                minutes: 3
                what: Something.
                host_says: Go.
              - title: Two
                minutes: 4
                host_says: Again.
            ---
            """);
        Assert.Null(parsed.Practice);
        Assert.Contains(parsed.Problems, p => p.Contains("add up to 7 minutes", StringComparison.Ordinal) && p.Contains("says 10", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingParts_AreNamed()
    {
        var parsed = PracticeText.Parse("bare", """
            ---
            scales: [crowd]
            steps:
              - title: One
            ---
            """);
        Assert.Null(parsed.Practice);
        Assert.Contains(parsed.Problems, p => p.Contains("title", StringComparison.Ordinal));
        Assert.Contains(parsed.Problems, p => p.Contains("purpose", StringComparison.Ordinal));
        Assert.Contains(parsed.Problems, p => p.Contains("“crowd” is not a scale", StringComparison.Ordinal));
        Assert.Contains(parsed.Problems, p => p.Contains("time in minutes", StringComparison.Ordinal));
        Assert.Contains(parsed.Problems, p => p.Contains("Step 1 needs its minutes", StringComparison.Ordinal));
        Assert.Contains(parsed.Problems, p => p.Contains("Step 1 needs what the host says", StringComparison.Ordinal));
        Assert.Equal(["The text starts with a line of three dashes (---), then the front matter, then another line of three dashes."],
            PracticeText.Parse("plain", "Just words.").Problems);
    }

    [Fact]
    public void Parse_HtmlInTheNotes_IsShownAsText()
    {
        var parsed = PracticeText.Parse("safe", """
            ---
            title: Safe
            purpose: To test.
            scales: [self]
            minutes: 1
            steps:
              - title: One
                minutes: 1
                host_says: Go.
            ---
            Some *notes* <script>alert(1)</script>
            """);
        Assert.Contains("<em>notes</em>", parsed.Practice!.NotesHtml);
        Assert.DoesNotContain("<script>", parsed.Practice.NotesHtml);
    }

    [Fact]
    public void Library_WithABrokenFile_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new PracticeLibrary([("broken", "---\ntitle: x\n---\n")]));
        Assert.Contains("broken.md: It needs a purpose", error.Message);
    }

    [Fact]
    public void Search_FindsByTitleFirst_IgnoringAccentsAndCase()
    {
        var all = new PracticeLibrary().All;
        Assert.Equal("case-clinic", ReadPractices.Search(all, "CASE clinic")[0].Slug);
        Assert.Contains(ReadPractices.Search(all, "talking piece"), p => p.Slug == "speaking-circle");
        Assert.Contains(ReadPractices.Search(all, "Théory"), p => p.Slug == "case-clinic");
        Assert.Empty(ReadPractices.Search(all, "zzzyzzx"));
        Assert.All(ReadPractices.Filter(all, Scale.Dyad, 30), p => Assert.True(p.Scales.Contains(Scale.Dyad) && p.Minutes <= 30));
        Assert.Contains(ReadPractices.Filter(all, Scale.Dyad, 30), p => p.Slug == "check-in");
        Assert.DoesNotContain(ReadPractices.Filter(all, Scale.Dyad, 30), p => p.Slug == "peer-coaching-pair");
    }

    [Fact]
    public void CardDeck_HasFortyCardsToDraw_OfEveryKind_WithBlanks()
    {
        var deck = new CardDeck();
        Assert.True(deck.Drawable.Count() >= 40, $"{deck.Drawable.Count()} cards");
        foreach (var kind in Enum.GetValues<CardKind>())
        {
            Assert.Contains(deck.All, c => c.Kind == kind);
        }
        Assert.Equal(deck.All.Count, deck.All.Select(c => c.Id).Distinct().Count());
        Assert.All(deck.Drawable, c => Assert.True(c.Text.Length > 20, c.Id));
        var cards = deck.Drawable.ToList();
        for (var i = 0; i < 50; i++)
        {
            Assert.NotEqual("s-belong", CardDeck.Draw(cards, c => c.Id == "s-belong").Id);
        }
    }

    [Fact]
    public void CardSheet_PutsEightCardsOnAPage_WithTheirTextEscaped()
    {
        var cards = Enumerable.Range(1, 10).Select(i => new Card($"c{i}", CardKind.Starter, $"Question {i} <b>?</b>")).ToList();
        var html = ExportCardsPdf.Compose(cards, "body{}");
        Assert.Equal(2, html.Split("<section class=\"sheet\">").Length - 1);
        Assert.Equal(10, html.Split("<article class=\"cut-card").Length - 1);
        Assert.Contains("Question 1 &lt;b&gt;?&lt;/b&gt;", html);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "src", "Hub", "Hub.csproj")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
