using AngleSharp.Html.Parser;
using Microsolidarity.Hub.Features.Handbook;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

public sealed class RenderHandbookPageTests
{
    private sealed class Book : IHandbookLinks
    {
        public Dictionary<string, string> Pages { get; } = new() { ["README.md"] = "# Home", ["guide/other.md"] = "# Other", ["guide/README.md"] = "# Guide" };
        public HashSet<string> Assets { get; } = [".gitbook/assets/photo (1) with space.png", "files/form.pdf"];
        public string? PagePath(string sourcePath) => Pages.ContainsKey(sourcePath) ? HandbookPaths.UrlPathOf(sourcePath) : null;
        public bool AssetExists(string sourcePath) => Assets.Contains(sourcePath);
        public string? ReadText(string sourcePath) => Pages.GetValueOrDefault(sourcePath);
    }

    private static RenderedPage Render(string markdown, string path = "guide/page.md", Book? book = null) =>
        new RenderHandbookPage().Run(path, markdown, book ?? new Book());

    private static AngleSharp.Html.Dom.IHtmlDocument Dom(RenderedPage page) => new HtmlParser().ParseDocument(page.Html);

    [Theory]
    [InlineData("info", "callout-info")]
    [InlineData("success", "callout-success")]
    [InlineData("warning", "callout-warning")]
    [InlineData("danger", "callout-danger")]
    public void Run_Hint_BecomesCalloutWithMarkdownInside(string style, string cssClass)
    {
        var page = Render($"{{% hint style=\"{style}\" %}}\nSome **bold** advice.\n{{% endhint %}}\n");
        var aside = Dom(page).QuerySelector($"div.{cssClass}[role=note]");
        Assert.NotNull(aside);
        Assert.Equal("bold", aside.QuerySelector("strong")?.TextContent);
        Assert.Empty(page.Problems);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("one")]
    [InlineData("  one  two\t\tthree\n")]
    [InlineData("\u00A0non-breaking\u00A0\u00A0space\u2028line\u2029paragraph\u0085next\u000Bvertical\u000Cform")]
    [InlineData("\u3000ideographic\u2003em space\r\n\r\nend ")]
    public void Collapse_gives_what_the_white_space_regex_and_trim_gave(string text) =>
        Assert.Equal(System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim(), RenderHandbookPage.Collapse(text));

    [Fact]
    public void Run_TabsAndTab_EachTabHasItsTitleAndContent()
    {
        var page = Render("{% tabs %}\n{% tab title=\"Linux\" %}\nRun it.\n{% endtab %}\n{% tab title=\"Mac\" %}\nOpen it.\n{% endtab %}\n{% endtabs %}\n");
        var tabs = Dom(page).QuerySelectorAll(".tabs .tab");
        Assert.Equal(2, tabs.Length);
        Assert.Equal("Linux", tabs[0].QuerySelector(".tab-title")?.TextContent);
        Assert.Contains("Open it.", tabs[1].TextContent);
    }

    [Fact]
    public void Run_ContentRef_LinksToTheHubPage()
    {
        var page = Render("{% content-ref url=\"other.md\" %}\n[other.md](other.md)\n{% endcontent-ref %}\n");
        Assert.Equal("/handbook/guide/other", Dom(page).QuerySelector(".content-ref a")?.GetAttribute("href"));
    }

    [Fact]
    public void Run_YouTubeEmbed_IsClickToLoadWithNoFrameOrThirdPartyResource()
    {
        var page = Render("{% embed url=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" %}\nA caption\n{% endembed %}\n");
        var dom = Dom(page);
        var figure = dom.QuerySelector("figure.embed-video");
        Assert.NotNull(figure);
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", figure.GetAttribute("data-embed-src"));
        Assert.Empty(dom.QuerySelectorAll("iframe, img, script"));
        Assert.Contains("A caption", figure.QuerySelector("figcaption")?.TextContent);
    }

    [Fact]
    public void Run_VimeoEmbedWithoutEndTag_IsClickToLoadAndTextAfterItSurvives()
    {
        var page = Render("{% embed url=\"https://vimeo.com/76979871\" %}\n\nAfter the video.\n");
        var dom = Dom(page);
        Assert.Equal("https://player.vimeo.com/video/76979871", dom.QuerySelector("figure.embed-video")?.GetAttribute("data-embed-src"));
        Assert.Contains("After the video.", page.PlainText);
        Assert.Empty(page.Problems);
    }

    [Fact]
    public void Run_OtherEmbed_IsALinkCard()
    {
        var page = Render("{% embed url=\"https://example.org/thing\" %}\n");
        Assert.Equal("https://example.org/thing", Dom(page).QuerySelector(".embed-link-card a")?.GetAttribute("href"));
    }

    [Fact]
    public void Run_FileTag_LinksToTheCopiedFile()
    {
        var page = Render("{% file src=\"../files/form.pdf\" %}\nThe form\n{% endfile %}\n");
        Assert.Equal("/handbook-files/files/form.pdf", Dom(page).QuerySelector(".file a")?.GetAttribute("href"));
    }

    [Fact]
    public void Run_CodeWithTitle_HasCaptionAndCode()
    {
        var page = Render("{% code title=\"hello.sh\" lineNumbers=\"true\" %}\n```bash\necho hi\n```\n{% endcode %}\n");
        var figure = Dom(page).QuerySelector("figure.code-block");
        Assert.Equal("hello.sh", figure?.QuerySelector("figcaption")?.TextContent);
        Assert.Equal("echo hi", figure?.QuerySelector("pre code")?.TextContent.Trim());
    }

    [Fact]
    public void Run_StepperColumnsUpdates_RenderAsReadableStructure()
    {
        var page = Render("{% stepper %}\n{% step %}\n### First\nDo this.\n{% endstep %}\n{% step %}\nThen that.\n{% endstep %}\n{% endstepper %}\n\n" +
            "{% columns %}\n{% column %}\nLeft\n{% endcolumn %}\n{% column %}\nRight\n{% endcolumn %}\n{% endcolumns %}\n\n" +
            "{% updates format=\"full\" %}\n{% update date=\"2025-01-02\" %}\nNew things.\n{% endupdate %}\n{% endupdates %}\n");
        var dom = Dom(page);
        Assert.Equal(2, dom.QuerySelectorAll("ol.stepper > li.step").Length);
        Assert.Equal(2, dom.QuerySelectorAll(".columns > .column").Length);
        Assert.Equal("2025-01-02", dom.QuerySelector(".update .update-date")?.TextContent);
        Assert.Empty(page.Problems);
    }

    [Fact]
    public void Run_Include_PutsTheIncludedPageInPlace()
    {
        var page = Render("Before\n\n{% include \"other.md\" %}\n\nAfter\n");
        Assert.Contains("Other", Dom(page).QuerySelector("h1")?.TextContent ?? page.PlainText);
        Assert.Empty(page.Problems);
    }

    [Fact]
    public void Run_SwaggerAndOpenApi_AreReadableBlocks()
    {
        var page = Render("{% swagger method=\"get\" path=\"/users\" baseUrl=\"https://api.example\" summary=\"List\" %}\n{% swagger-description %}\nLists users.\n{% endswagger-description %}\n{% endswagger %}\n\n{% openapi src=\"spec.yaml\" path=\"/pets\" method=\"post\" %}\n[spec.yaml](https://example.org/spec.yaml)\n{% endopenapi %}\n");
        var blocks = Dom(page).QuerySelectorAll(".api-block");
        Assert.Equal("GET /users", blocks[0].QuerySelector(".api-title code")?.TextContent);
        Assert.Contains("Lists users.", blocks[0].TextContent);
        Assert.Contains("POST /pets", blocks[^1].TextContent);
        Assert.Empty(page.Problems);
    }

    [Fact]
    public void Run_UnknownTag_KeepsItsTextAndIsReportedWithLine()
    {
        var page = Render("Intro\n\n{% sparkle color=\"gold\" %}\nKeep this text.\n{% endsparkle %}\n");
        Assert.Contains("Keep this text.", page.PlainText);
        var problem = Assert.Single(page.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("sparkle", problem.Message);
    }

    [Fact]
    public void Run_UnclosedTag_RendersTheRestAndIsReported()
    {
        var page = Render("{% hint style=\"info\" %}\nNever closed.\n\nStill here.\n");
        Assert.Contains("Still here.", page.PlainText);
        var problem = Assert.Single(page.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("never closed", problem.Message);
    }

    [Fact]
    public void Run_DetailsFigureMarkAndCardTable_AreKept()
    {
        var page = Render("<details>\n<summary>More</summary>\n\nHidden **text**.\n\n</details>\n\n<figure><img src=\"../.gitbook/assets/photo (1) with space.png\" alt=\"A photo\"><figcaption><p>Caption</p></figcaption></figure>\n\nSome <mark style=\"color:red;\">marked</mark> words.\n\n<table data-view=\"cards\"><thead><tr><th>A</th></tr></thead><tbody><tr><td>Card</td></tr></tbody></table>\n");
        var dom = Dom(page);
        Assert.Equal("More", dom.QuerySelector("details summary")?.TextContent);
        Assert.Equal("/handbook-files/.gitbook/assets/photo%20%281%29%20with%20space.png", dom.QuerySelector("figure img")?.GetAttribute("src"));
        Assert.Equal("marked", dom.QuerySelector("mark")?.TextContent);
        Assert.Null(dom.QuerySelector("mark")?.GetAttribute("style"));
        Assert.Equal("cards", dom.QuerySelector("table")?.GetAttribute("data-view"));
        Assert.Empty(page.Problems);
    }

    [Fact]
    public void Run_GitBookHeadingAnchors_BecomeUniqueIdsWithSelfLinks()
    {
        var page = Render("## Setup <a href=\"#setup\" id=\"setup\"></a>\n\nText\n\n## Setup <a href=\"#setup\" id=\"setup\"></a>\n\n### Other\n");
        var dom = Dom(page);
        var ids = dom.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(["setup", "setup-1", "other"], dom.QuerySelectorAll("h2, h3").Select(h => h.Id));
        Assert.Equal("#setup", dom.QuerySelector("h2 a.heading-anchor")?.GetAttribute("href"));
        Assert.Equal(3, page.Outline.Count);
    }

    [Fact]
    public void Run_SpaceEntityAndTrailingBackslash_BecomeSpaceAndLineBreak()
    {
        var page = Render("First line\\\nSecond line&#x20;\n");
        var dom = Dom(page);
        Assert.NotNull(dom.QuerySelector("p br"));
        Assert.DoesNotContain("&#x20;", page.Html);
    }

    [Fact]
    public void Run_ImageInAngleBracketsWithSpacesAndParentheses_Resolves()
    {
        var page = Render("![A photo](<../.gitbook/assets/photo (1) with space.png>)\n");
        Assert.Equal("/handbook-files/.gitbook/assets/photo%20%281%29%20with%20space.png", Dom(page).QuerySelector("img")?.GetAttribute("src"));
        Assert.Empty(page.Problems);
    }

    [Fact]
    public void Run_MissingImage_ShowsAltTextAndIsReportedWithLine()
    {
        var page = Render("Text\n\n![The missing one](../.gitbook/assets/gone.png)\n");
        var dom = Dom(page);
        Assert.Null(dom.QuerySelector("img"));
        Assert.Equal("The missing one", dom.QuerySelector(".missing-image")?.TextContent);
        Assert.Equal(3, Assert.Single(page.Problems).Line);
    }

    [Fact]
    public void Run_TabsWithoutScript_ShowEveryTitleAndContentInOrder()
    {
        var page = Render("{% tabs %}\n{% tab title=\"Linux\" %}\nRun `make`.\n{% endtab %}\n{% tab title=\"Mac\" %}\nOpen **it**.\n{% endtab %}\n{% endtabs %}\n");
        var tabs = Dom(page).QuerySelectorAll("div.tabs > section.tab");
        Assert.Equal(["Linux", "Mac"], tabs.Select(t => t.QuerySelector(".tab-title")?.TextContent));
        Assert.Equal("make", tabs[0].QuerySelector("code")?.TextContent);
        Assert.Equal("it", tabs[1].QuerySelector("strong")?.TextContent);
        Assert.Empty(page.Problems);
    }

    [Fact]
    public void Run_CodeWithLineNumbersAndTitle_WrapsEachLineForTheCounterAndKeepsTheCodeExact()
    {
        var page = Render("{% code title=\"crew.sh\" lineNumbers=\"true\" %}\n```bash\necho one\n\necho <three>\n```\n{% endcode %}\n");
        var figure = Dom(page).QuerySelector("figure.code-block.line-numbers");
        Assert.NotNull(figure);
        Assert.Equal("crew.sh", figure.QuerySelector("figcaption")?.TextContent);
        var code = figure.QuerySelector("pre > code.language-bash")!;
        Assert.Equal(["echo one", "", "echo <three>"], code.QuerySelectorAll("span.line").Select(l => l.TextContent));
        // The numbers are CSS counters, not text: the code reads (and copies) exactly as written.
        Assert.Equal("echo one\n\necho <three>", code.TextContent);
    }

    [Fact]
    public void Run_CodeWithoutLineNumbers_IsLeftAsWritten()
    {
        var page = Render("{% code title=\"a.txt\" %}\n```\nplain\n```\n{% endcode %}\n");
        var figure = Dom(page).QuerySelector("figure.code-block");
        Assert.False(figure!.ClassList.Contains("line-numbers"));
        Assert.Empty(figure.QuerySelectorAll("span.line"));
    }

    [Fact]
    public void Run_MathBlockAndInline_KeepTheTexInMarkedElementsForTheScriptAndSearch()
    {
        var page = Render("The energy $$E = mc^2$$ of a crew.\n\n$$\n\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\n$$\n");
        var dom = Dom(page);
        var inline = dom.QuerySelector("p span.math");
        Assert.NotNull(inline);
        Assert.Contains("E = mc^2", inline.TextContent);
        var block = dom.QuerySelector("div.math");
        Assert.NotNull(block);
        Assert.Contains("\\frac{n(n+1)}{2}", block.TextContent);
        Assert.Contains("mc^2", page.PlainText);
    }

    [Fact]
    public void Run_MermaidFence_BecomesADiagramFigureThatKeepsItsSource()
    {
        var page = Render("```mermaid\ngraph TD; A-->B;\n```\n");
        var figure = Dom(page).QuerySelector("figure.diagram[data-diagram=mermaid]");
        Assert.NotNull(figure);
        Assert.Equal("graph TD; A-->B;", figure.QuerySelector("pre.diagram-source > code.language-mermaid")?.TextContent.Trim());
        Assert.NotNull(figure.QuerySelector("figcaption"));
        Assert.Contains("A-->B", page.PlainText);
    }

    [Fact]
    public void Run_RelativeMarkdownLinks_BecomeHubUrlsWithAnchors()
    {
        var page = Render("[Other](other.md#part) [Guide](./) [Home](../README.md) [Broken](nowhere.md)\n");
        var hrefs = Dom(page).QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/handbook/guide/other#part", "/handbook/guide", "/handbook", "/handbook/guide/nowhere"], hrefs);
        Assert.Contains("nowhere.md", Assert.Single(page.Problems).Message);
    }

    [Fact]
    public void Run_LinkLeavingTheFolder_IsTextOnlyAndReported()
    {
        var page = Render("[Secrets](../../../etc/passwd)\n");
        Assert.Null(Dom(page).QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains("outside the handbook", Assert.Single(page.Problems).Message);
    }

    [Fact]
    public void Run_RawScriptAndHandlers_AreRemoved()
    {
        var page = Render("<script>alert(1)</script>\n\n<p onclick=\"alert(2)\">Hi</p>\n\n[x](javascript:alert(3))\n");
        Assert.DoesNotContain("alert", page.Html);
    }

    [Fact]
    public void Run_FrontMatter_GivesDescriptionHiddenAndTitleFromFirstHeading()
    {
        var page = Render("---\ndescription: >-\n  A short\n  description.\nhidden: true\n---\n\n# The title\n\nBody\n");
        Assert.Equal("A short description.", page.Description);
        Assert.True(page.Hidden);
        Assert.Equal("The title", page.FirstHeading);
        Assert.Null(Dom(page).QuerySelector("h1"));
    }

    [Fact]
    public void Run_ExternalImage_BecomesALinkSoNoThirdPartyRequestIsMade_AndIsReported()
    {
        var page = Render("# Title\n\n![Logo](https://example.org/logo.png)\n");
        Assert.Null(Dom(page).QuerySelector("img"));
        Assert.Equal("https://example.org/logo.png", Dom(page).QuerySelector("a")?.GetAttribute("href"));
        var problem = Assert.Single(page.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal("Image on another site, left as a link: https://example.org/logo.png", problem.Message);
        Assert.Equal(["https://example.org/logo.png"], page.RemoteImages);
    }

    [Theory]
    [InlineData("[Report](https://example.org/%Yr2024/report)", "https://example.org/%25Yr2024/report", true)]
    [InlineData("<a href=\"https://example.org/50%-off\">Sale</a>", "https://example.org/50%25-off", true)]
    [InlineData("<a href=\"https://example.org/s?q=crews|dyads&t=[care]\">Search</a>", "https://example.org/s?q=crews%7Cdyads&t=%5Bcare%5D", true)]
    [InlineData("<a href=\"https://example.org/a#b#c\">Two hashes</a>", "https://example.org/a#b%23c", true)]
    [InlineData("[Café](https://example.org/café?x=%C3%A9)", "https://example.org/caf%C3%A9?x=%C3%A9", false)]
    [InlineData("[Fine](https://example.org/a-b_c.d?e=f&g=h#i)", "https://example.org/a-b_c.d?e=f&g=h#i", false)]
    [InlineData("[Write](mailto:hosts@example.org)", "mailto:hosts@example.org", false)]
    public void Run_ExternalLinkThatIsNoValidAddress_IsWrittenEscapedAndReportedWhenItWasBroken(string markdown, string href, bool reported)
    {
        var page = Render(markdown + "\n");
        Assert.Equal(href, Dom(page).QuerySelector("a")?.GetAttribute("href"));
        Assert.True(Uri.IsWellFormedUriString(href, UriKind.Absolute), href);
        if (reported)
        {
            Assert.Contains("is not a valid address", Assert.Single(page.Problems).Message);
        }
        else
        {
            Assert.Empty(page.Problems);
        }
    }

    [Fact]
    public void Run_ExternalLinkWithNoUsableHost_IsTextAndReported()
    {
        var page = Render("<a href=\"https://exa mple.org/\">Nowhere</a> and <a href=\"https://%zz/\">nothing</a>\n");
        Assert.Null(Dom(page).QuerySelector("a[href]"));
        Assert.Contains("Nowhere", Dom(page).Body!.TextContent);
        Assert.All(page.Problems, p => Assert.Contains("not an address a browser could open", p.Message));
    }

    [Theory]
    [InlineData("---\nauthor: Ilse Marrow\n---\n# Page\n", "Ilse Marrow")]
    [InlineData("---\nauthors:\n  - Ilse Marrow\n  - Tomas Brightwater\n  - Noor Haddad-Lind\n---\n# Page\n", "Ilse Marrow, Tomas Brightwater and Noor Haddad-Lind")]
    [InlineData("# Page\n", null)]
    public void Run_FrontMatterAuthor_IsThePageCredit(string markdown, string? author) =>
        Assert.Equal(author, Render(markdown).Author);

    [Fact]
    public void Run_EmbedOfAYouTubePlaylist_PlaysInTheSeriesPlayerOnlyWhenAsked()
    {
        var page = Render("{% embed url=\"https://www.youtube.com/playlist?list=PLabcdefghij_klmnop\" %}\n");
        Assert.Equal("https://www.youtube-nocookie.com/embed/videoseries?list=PLabcdefghij_klmnop",
            Dom(page).QuerySelector("figure.embed-video")?.GetAttribute("data-embed-src"));
        Assert.Null(Dom(page).QuerySelector("iframe"));
    }

    [Theory]
    [InlineData("guide/page.md", "../../x.md", null)]
    [InlineData("guide/page.md", "../x.md", "x.md")]
    [InlineData("page.md", "./a/./b/../c.md", "a/c.md")]
    public void Resolve_RelativePaths_StayInsideTheFolder(string from, string relative, string? expected) =>
        Assert.Equal(expected, HandbookPaths.Resolve(from, relative));

    [Theory]
    [InlineData("README.md", "")]
    [InlineData("guide/README.md", "guide")]
    [InlineData("guide/page.md", "guide/page")]
    public void UrlPathOf_SourcePaths_FollowTheStableUrlRule(string source, string expected) =>
        Assert.Equal(expected, HandbookPaths.UrlPathOf(source));
}
