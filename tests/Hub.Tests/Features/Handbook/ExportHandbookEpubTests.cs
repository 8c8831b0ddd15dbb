using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Features.Handbook;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

[Trait(DatabaseTrait.Name, DatabaseTrait.Either)] // checks the EPUB against epubcheck; the database does not change it
public sealed class ExportHandbookEpubTests
{
    private const string EpubCheck = "/usr/share/java/epubcheck.jar";

    [Theory]
    [InlineData("corpus")]
    [InlineData("sample")]
    [InlineData("constructs")]
    public async Task Run_ImportedHandbook_PassesEpubCheckWithNoErrorsOrWarnings(string which)
    {
        Assert.True(File.Exists(EpubCheck), $"epubcheck is needed at {EpubCheck}: apt-get install epubcheck (./test.sh does this as root).");
        // The sample is a Spanish handbook (as far as the hub knows): the book declares it.
        await using var hub = await HubFactory.StartAsync(settings =>
        {
            if (which == "sample")
            {
                settings["Handbook:Language"] = "es";
            }
        }, smtp: false);
        var source = which == "corpus" ? SampleHandbook.CorpusFolder : SampleHandbook.Write();
        if (which == "constructs")
        {
            SampleHandbook.AddConstructs(source);
            SampleHandbook.AddLinksFromElsewhere(source);
            File.AppendAllText(Path.Combine(source, "SUMMARY.md"), "\n* [Constructs](practices/constructs.md)\n* [Elsewhere](practices/elsewhere.md)\n");
        }
        var book = Path.Combine(hub.DataDirectory, "book.epub");
        using (var scope = hub.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(source)).Succeeded);
            if (which == "constructs")
            {
                // A page stored by an older import, before links were written valid: the export repairs it too.
                var db = scope.ServiceProvider.GetRequiredService<Microsolidarity.Hub.Data.HubDbContext>();
                await db.HandbookPages.Where(p => p.Path == "practices/elsewhere")
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Html, p => p.Html + "<p><a href=\"https://example.org/old%Zz page\">An old link</a></p>"));
            }
            await using var file = File.Create(book);
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExportHandbookEpub>().RunAsync(file));
        }

        var check = Process.Start(new ProcessStartInfo("java", [.. ShortLivedJava.Options, "-jar", EpubCheck, book]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await check.StandardOutput.ReadToEndAsync() + await check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();
        Assert.True(output.Contains("0 fatals / 0 errors / 0 warnings", StringComparison.Ordinal), output);

        using var zip = ZipFile.OpenRead(book);
        Assert.Equal("mimetype", zip.Entries[0].FullName);
        var package = new StreamReader(zip.GetEntry("EPUB/package.opf")!.Open()).ReadToEnd();
        var nav = new StreamReader(zip.GetEntry("EPUB/nav.xhtml")!.Open()).ReadToEnd();
        if (which == "constructs")
        {
            // Tabs in order, numbered code as lines, the TeX readable as written, the diagram's source.
            var page = zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()).Single(text => text.Contains("<title>Constructs</title>", StringComparison.Ordinal));
            Assert.Contains("<p class=\"tab-title\">Congregation</p>", page);
            Assert.Contains("<span class=\"line\">echo two</span>", page);
            Assert.Contains("\\frac{n(n-1)}{2}", page);
            Assert.Contains("graph TD; Person--", page);
            // Links to other sites that no EPUB reader would accept are written escaped, or kept as words.
            var elsewhere = zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()).Single(text => text.Contains("<title>Elsewhere</title>", StringComparison.Ordinal));
            Assert.Contains("href=\"https://example.org/%25Yr2024/report\"", elsewhere);
            Assert.Contains("href=\"https://example.org/50%25-off\"", elsewhere);
            Assert.Contains("A host with a space", elsewhere);
            Assert.Contains("href=\"https://example.org/old%25Zz%20page\"", elsewhere);
            Directory.Delete(source, recursive: true);
        }
        else if (which == "sample")
        {
            Assert.Contains("<dc:rights>CC BY-SA 4.0", package);
            Assert.Contains("<dc:language>es</dc:language>", package);
            Assert.Contains("xml:lang=\"es\"", package);
            Assert.Contains("<ol lang=\"es\" xml:lang=\"es\">", nav); // the titles, inside contents in the request's language
            Assert.Contains(">Crews, in short</a>", nav);
            var crews = new StreamReader(zip.GetEntry("EPUB/page-002.xhtml")!.Open()).ReadToEnd();
            Assert.Contains("href=\"page-003.xhtml\"", crews); // the link to Retrospectives stays inside the book
            Assert.Contains("images/image-001.png", crews);
            Assert.Contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"es\" xml:lang=\"es\">", crews);
            Directory.Delete(source, recursive: true);
        }
        else
        {
            Assert.True(zip.Entries.Count(e => e.FullName.StartsWith("EPUB/page-", StringComparison.Ordinal)) >= 150);
            Assert.Contains("<dc:language>en</dc:language>", package);
        }
    }

    [Fact]
    public async Task Get_HandbookEpub_DownloadsTheBookOrIsNotFoundBeforeAnImport()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var client = hub.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/handbook.epub")).StatusCode);
        var sample = SampleHandbook.Write();
        using (var scope = hub.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(sample);
        }
        Directory.Delete(sample, recursive: true);
        var response = await client.Http.GetAsync("/handbook.epub");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/epub+zip", response.Content.Headers.ContentType?.MediaType);
        var (_, home) = await client.GetAsync("/handbook");
        Assert.NotNull(home.QuerySelector("a[href='/handbook.epub']"));
    }
}
