using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Features.Handbook;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

/// <summary>The PDF printed by Chromium, checked by qpdf and read back by pdftotext; the single printable page beside it.</summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks the PDF a browser prints; the database does not change it
public sealed class ExportHandbookPdfTests
{
    private static async Task<(int Exit, string Output)> RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    [Theory]
    [InlineData("corpus")]
    [InlineData("sample")]
    [InlineData("constructs")]
    public async Task Pdf_OfTheHandbook_PassesQpdf_HasBookmarksLinksAndText_AndIsReusedUntilTheContentChanges(string which)
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var source = which == "corpus" ? SampleHandbook.CorpusFolder : SampleHandbook.Write();
        if (which == "constructs")
        {
            SampleHandbook.AddConstructs(source);
            File.AppendAllText(Path.Combine(source, "SUMMARY.md"), "\n* [Constructs](practices/constructs.md)\n");
        }
        using (var scope = hub.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(source)).Succeeded);
        }
        if (which != "corpus")
        {
            Directory.Delete(source, recursive: true);
        }
        var reader = hub.NewClient();
        var response = await DownloadAfterPreparingAsync(reader);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = Path.Combine(hub.DataDirectory, "downloaded.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());

        var (check, checkOutput) = await RunAsync("qpdf", "--check", pdf);
        Assert.True(check == 0, checkOutput);
        Assert.Contains("No syntax or stream encoding errors", checkOutput);

        var (_, outlineJson) = await RunAsync("qpdf", "--json", "--json-key=outlines", pdf);
        using var outlines = JsonDocument.Parse(outlineJson);
        var bookmarks = outlines.RootElement.GetProperty("outlines").GetArrayLength();
        var (_, text) = await RunAsync("pdftotext", "-layout", pdf, "-");
        var html = await reader.Http.GetStringAsync("/handbook.html");
        var book = new HtmlParser().ParseDocument(html);
        var chapters = book.QuerySelectorAll("section.chapter").Length;
        Assert.True(bookmarks >= chapters, $"{bookmarks} bookmarks for {chapters} chapters");
        Assert.Contains("Contents", text);
        if (which == "constructs")
        {
            // The TeX stays readable in print, every tab shows in order, and the diagram's source is there.
            Assert.Contains("\\frac{n(n-1)}{2}", text);
            Assert.Contains("Up to a hundred and fifty.", text);
            Assert.Contains("graph TD; Person-->Crew;", text);
        }
        foreach (var title in book.QuerySelectorAll(".chapter-title").Take(10))
        {
            Assert.Contains(title.TextContent.Trim(), text);
        }
        Assert.Matches(@"\n\s+2\s*\n", text); // a page number in the footer of page 2
        var raw = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(pdf));
        Assert.True(System.Text.RegularExpressions.Regex.Count(raw, @"/Dest\b") >= chapters, "the table of contents does not link into the book");

        // Every link inside the printable page lands on an id of that page.
        var ids = book.QuerySelectorAll("[id]").Select(e => e.Id).ToHashSet();
        var inside = book.QuerySelectorAll("a[href^='#']").Select(a => a.GetAttribute("href")![1..]).ToList();
        Assert.True(inside.Count >= chapters);
        Assert.All(inside, target => Assert.Contains(target, ids));
        Assert.Equal(ids.Count, book.QuerySelectorAll("[id]").Length); // and no id twice

        // The second download is the kept file, not a new print.
        var kept = Directory.GetFiles(Path.Combine(hub.DataDirectory, "handbook", "export"), "handbook-*.pdf").Single();
        var printedAt = File.GetLastWriteTimeUtc(kept);
        Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync("/handbook.pdf")).StatusCode);
        Assert.Equal(printedAt, File.GetLastWriteTimeUtc(Directory.GetFiles(Path.Combine(hub.DataDirectory, "handbook", "export"), "handbook-*.pdf").Single()));
    }

    /// <summary>
    /// An import that was not followed by a background print (these tests import directly): the first download
    /// says the PDF is being prepared and looks again by itself; it is the PDF once printed (a hang guard, not a speed check).
    /// </summary>
    private static async Task<HttpResponseMessage> DownloadAfterPreparingAsync(Microsolidarity.Hub.Testing.FormClient reader)
    {
        var (first, page) = await reader.GetAsync("/handbook.pdf");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("The PDF is being prepared", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("5", page.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("a[href='/handbook.epub']"));
        for (var i = 0; i < 1200; i++)
        {
            await Task.Delay(250);
            var response = await reader.Http.GetAsync("/handbook.pdf");
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                return response;
            }
        }
        Assert.Fail("The PDF was not prepared.");
        return null!;
    }

    [Fact]
    public async Task NoHandbook_PdfAndPrintablePageAnswerNotFound()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var reader = hub.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync("/handbook.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync("/handbook.html")).StatusCode);
    }
}
