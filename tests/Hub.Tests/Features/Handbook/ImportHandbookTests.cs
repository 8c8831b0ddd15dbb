using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Features.Handbook;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

public sealed class ImportHandbookTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private string folder = null!;

    public async Task InitializeAsync()
    {
        // The git test imports from a repository in a local folder, which only this setting allows. Images
        // on other sites are downloaded here, but from public addresses only (the default).
        hub = await HubFactory.StartAsync(settings =>
        {
            settings["Handbook:AllowPrivateGitHosts"] = "true";
            settings["Handbook:DownloadRemoteImages"] = "true";
        }, smtp: false);
        folder = SampleHandbook.Write();
    }

    public async Task DisposeAsync()
    {
        await hub.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<HandbookImport> ImportAsync(string source)
    {
        using var scope = hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(source);
    }

    [Fact]
    public async Task Run_SampleWithBadParts_ImportsEveryGoodPageAndReportsEachProblemWithFileAndLine()
    {
        var result = await ImportAsync(folder);

        Assert.True(result.Succeeded);
        Assert.Equal(4, result.PagesAdded);
        var problems = result.Problems.Split('\n');
        Assert.Contains(problems, p => p.StartsWith("SUMMARY.md:9:", StringComparison.Ordinal) && p.Contains("practices/missing.md"));
        Assert.Contains(problems, p => p.StartsWith("practices/binary.md:", StringComparison.Ordinal) && p.Contains("binary"));
        Assert.Contains(problems, p => p.StartsWith("practices/crews.md:15:", StringComparison.Ordinal) && p.Contains("lost.png"));
        Assert.Contains(problems, p => p.StartsWith("practices/crews.md:17:", StringComparison.Ordinal) && p.Contains("glitter"));
        Assert.Contains(problems, p => p.StartsWith("practices/retrospectives.md:3:", StringComparison.Ordinal) && p.Contains("outside the handbook"));
        Assert.Equal(5, result.ProblemCount);
    }

    [Fact]
    public async Task Get_ImportedPages_AnswerAtStableUrlsWithSidebarAndAssets()
    {
        await ImportAsync(folder);
        var reader = hub.NewClient();

        var (home, homePage) = await reader.GetAsync("/handbook");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("Welcome", homePage.QuerySelector("h1")?.TextContent);
        Assert.Equal("Essays and practices for belonging.", homePage.QuerySelector(".handbook-page .lead")?.TextContent);
        Assert.Equal("/handbook/practices/crews#how-a-crew-starts", homePage.QuerySelector(".prose a")?.GetAttribute("href"));

        var (crews, crewsPage) = await reader.GetAsync("/handbook/practices/crews");
        Assert.Equal(HttpStatusCode.OK, crews.StatusCode);
        Assert.Equal("/handbook/practices/crews", crewsPage.QuerySelector(".handbook-nav a[aria-current=page]")?.GetAttribute("href"));
        Assert.Equal("Crews, in short", crewsPage.QuerySelector(".handbook-nav details[open] summary")?.TextContent);
        Assert.Equal("Text inside an unknown tag.", crewsPage.QuerySelector(".unknown-tag")?.TextContent.Trim());
        Assert.Equal("Lost picture", crewsPage.QuerySelector(".missing-image")?.TextContent);
        Assert.Equal("/handbook/places/caf%C3%A9", crewsPage.QuerySelectorAll(".prose a").Last(a => a.TextContent == "the café").GetAttribute("href"));
        Assert.Equal("/handbook/practices/retrospectives", crewsPage.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
        Assert.Contains("CC BY-SA 4.0", crewsPage.QuerySelector(".page-footer")?.TextContent);

        var src = crewsPage.QuerySelector(".prose img")!.GetAttribute("src")!;
        var image = await reader.Http.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);

        var (retro, retroPage) = await reader.GetAsync("/handbook/practices/retrospectives");
        Assert.Equal(HttpStatusCode.OK, retro.StatusCode);
        Assert.Equal(["Welcome", "Crews"], retroPage.QuerySelectorAll(".breadcrumbs a").Select(a => a.TextContent));

        Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync("/handbook/places/caf%C3%A9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync("/handbook/practices/binary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync("/handbook/practices/missing")).StatusCode);
        var redirect = await reader.Http.GetAsync("/handbook/old/crews");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/handbook/practices/crews", redirect.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Run_ReImport_UpdatesInPlaceAndRecordsWhatChanged()
    {
        await ImportAsync(folder);
        int IdOf(string path)
        {
            using var scope = hub.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<HubDbContext>().HandbookPages.Single(p => p.Path == path).Id;
        }
        var crewsId = IdOf("practices/crews");
        File.AppendAllText(Path.Combine(folder, "practices", "crews.md"), "\nA new closing paragraph.\n");
        File.Delete(Path.Combine(folder, "practices", "retrospectives.md"));
        File.WriteAllText(Path.Combine(folder, "practices", "pulses.md"), "# Pulses\n\nFull moon and new moon.\n");

        var second = await ImportAsync(folder);

        // crews.md changed twice over: its text, and its link to the removed page is now broken.
        Assert.Equal((1, 1), (second.PagesAdded, second.PagesRemoved));
        Assert.Contains("changed practices/crews.md", second.Changes);
        Assert.Contains("removed practices/retrospectives.md", second.Changes);
        Assert.Contains("added practices/pulses.md", second.Changes);
        Assert.DoesNotContain("README.md", second.Changes);
        Assert.Equal(crewsId, IdOf("practices/crews"));
        var (_, page) = await hub.NewClient().GetAsync("/handbook/practices/crews");
        Assert.Contains("A new closing paragraph.", page.QuerySelector(".prose")?.TextContent);
    }

    [Fact]
    public async Task Run_CancelledWhileIndexing_RollsBackPagesSearchAndFiles()
    {
        await ImportAsync(folder);
        File.WriteAllText(Path.Combine(folder, "practices", "crews.md"), "# Crews\n\nZeppelins everywhere. ![New](../.gitbook/assets/new.png)\n");
        File.WriteAllText(Path.Combine(folder, "practices", "pulses.md"), "# Pulses\n\nFull moon and new moon.\n");
        SampleHandbook.PutBytes(folder, ".gitbook/assets/new.png", [0x89, 0x50, 0x4E, 0x47]);
        using var cancel = new CancellationTokenSource();
        var stages = new List<string>();
        // Cancelled at the last stage before the commit: the pages are saved and indexed, but not yet committed.
        var progress = new Inline(p =>
        {
            lock (stages)
            {
                stages.Add(p.Stage);
            }
            if (p.Stage == "Indexing")
            {
                cancel.Cancel();
            }
        });

        HandbookImport result;
        using (var scope = hub.Services.CreateScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(folder, progress: progress, cancel: cancel.Token);
        }

        Assert.True(result.Cancelled);
        Assert.Contains("Indexing", stages);
        Assert.Contains("exactly as it was", result.Problems);
        var reader = hub.NewClient();
        var (_, crews) = await reader.GetAsync("/handbook/practices/crews");
        Assert.Contains("A crew is an experiment of six meetings.", crews.QuerySelector(".prose")?.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync("/handbook/practices/pulses")).StatusCode);
        var (_, search) = await reader.GetAsync("/search?q=zeppelins");
        Assert.Empty(search.QuerySelectorAll(".search-results li"));
        var (_, found) = await reader.GetAsync("/search?q=experiment");
        Assert.NotEmpty(found.QuerySelectorAll(".search-results li"));
        Assert.False(File.Exists(Path.Combine(hub.DataDirectory, "handbook", "files", ".gitbook", "assets", "new.png")));

        var again = await ImportAsync(folder);
        Assert.True(again.Succeeded);
        Assert.Equal((1, 1), (again.PagesAdded, again.PagesChanged));
        Assert.True(File.Exists(Path.Combine(hub.DataDirectory, "handbook", "files", ".gitbook", "assets", "new.png")));
    }

    [Fact]
    public async Task Run_FilesNoPageReferences_AreNeitherCopiedNorServed()
    {
        File.WriteAllText(Path.Combine(folder, "practices", "minutes.md"),
            "# Minutes\n\n{% file src=\"../.gitbook/assets/minutes.pdf\" %}\n\nThe [agenda](../files/agenda.odt).\n");
        SampleHandbook.PutBytes(folder, ".gitbook/assets/minutes.pdf", "%PDF-1.4"u8.ToArray());
        SampleHandbook.PutBytes(folder, "files/agenda.odt", [0x50, 0x4B, 0x03, 0x04]);
        SampleHandbook.PutBytes(folder, ".gitbook/assets/unused.png", [0x89, 0x50, 0x4E, 0x47]);
        SampleHandbook.PutBytes(folder, "server/hub.conf", "password=hunter2"u8.ToArray());
        SampleHandbook.PutBytes(folder, "notes.txt", "not for the web"u8.ToArray());

        var result = await ImportAsync(folder);

        Assert.True(result.Succeeded, result.Problems);
        var reader = hub.NewClient();
        foreach (var served in new[] { ".gitbook/assets/circle%20%281%29%20of%20chairs.png", ".gitbook/assets/minutes.pdf", "files/agenda.odt" })
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync("/handbook-files/" + served)).StatusCode);
        }
        foreach (var hidden in new[] { ".gitbook/assets/unused.png", "server/hub.conf", "notes.txt", ".gitbook.yaml", "SUMMARY.md", "README.md" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync("/handbook-files/" + hidden)).StatusCode);
        }
        var copied = Directory.EnumerateFiles(Path.Combine(hub.DataDirectory, "handbook", "files"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(hub.DataDirectory, "handbook", "files"), f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal([".gitbook/assets/circle (1) of chairs.png", ".gitbook/assets/minutes.pdf", "files/agenda.odt"], copied);
    }

    [Fact]
    public async Task Run_ReImportAfterAPageDropsAFile_RemovesItAndAnythingElseFromThePublishedFolder()
    {
        await ImportAsync(folder);
        var files = Path.Combine(hub.DataDirectory, "handbook", "files");
        Assert.True(File.Exists(Path.Combine(files, ".gitbook", "assets", "circle (1) of chairs.png")));
        // Left there by an import of an older version, which copied every file of its folder.
        SampleHandbook.PutBytes(files, "etc/passwd", "root:x:0:0"u8.ToArray());
        File.WriteAllText(Path.Combine(folder, "practices", "crews.md"), "# Crews\n\nNo picture any more.\n");

        var second = await ImportAsync(folder);

        Assert.True(second.Succeeded, second.Problems);
        Assert.False(File.Exists(Path.Combine(files, ".gitbook", "assets", "circle (1) of chairs.png")));
        Assert.False(Directory.Exists(Path.Combine(files, "etc")));
        var reader = hub.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync("/handbook-files/.gitbook/assets/circle%20%281%29%20of%20chairs.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync("/handbook-files/etc/passwd")).StatusCode);
    }

    [Fact]
    public async Task Get_HandbookFiles_ShowsAllowedTypesAndSendsEverythingElseAsADownload()
    {
        File.WriteAllText(Path.Combine(folder, "practices", "downloads.md"),
            "# Downloads\n\n[Slides](slides.html), [minutes](minutes.pdf), [a script](tool.js), [a song](song.mp3), [a sheet](sheet.xlsx).\n");
        SampleHandbook.PutBytes(folder, "practices/slides.html", "<script>alert(document.cookie)</script>"u8.ToArray());
        SampleHandbook.PutBytes(folder, "practices/minutes.pdf", "%PDF-1.4"u8.ToArray());
        SampleHandbook.PutBytes(folder, "practices/tool.js", "alert(1)"u8.ToArray());
        SampleHandbook.PutBytes(folder, "practices/song.mp3", [0x49, 0x44, 0x33]);
        SampleHandbook.PutBytes(folder, "practices/sheet.xlsx", [0x50, 0x4B, 0x03, 0x04]);
        Assert.True((await ImportAsync(folder)).Succeeded);
        var reader = hub.NewClient();

        foreach (var (file, type) in new[] { ("practices/minutes.pdf", "application/pdf"), ("practices/song.mp3", "audio/mpeg"), (".gitbook/assets/circle%20%281%29%20of%20chairs.png", "image/png") })
        {
            var shown = await reader.Http.GetAsync("/handbook-files/" + file);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Equal(type, shown.Content.Headers.ContentType?.MediaType);
            Assert.Null(shown.Content.Headers.ContentDisposition);
            Assert.Equal("nosniff", shown.Headers.GetValues("X-Content-Type-Options").Single());
        }
        foreach (var file in new[] { "slides.html", "tool.js", "sheet.xlsx" })
        {
            var download = await reader.Http.GetAsync("/handbook-files/practices/" + file);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(file, download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task Run_SourceThatWouldRemoveMostPages_StopsUnlessTheRemovalIsConfirmed()
    {
        await ImportAsync(folder);
        // What a git host's error page or an unrelated repository looks like to the importer: no handbook.
        foreach (var page in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories))
        {
            File.Delete(page);
        }
        File.WriteAllText(Path.Combine(folder, "index.html"), "<h1>502 Bad Gateway</h1>");

        var stopped = await ImportAsync(folder);

        Assert.False(stopped.Succeeded);
        Assert.Equal(ImportHandbook.NeedsConfirmation, stopped.Stage);
        Assert.Equal("Stopped: needs confirmation", ReadImportStatus.Outcome(stopped));
        Assert.Equal((4, 0), (stopped.PagesRemoved, stopped.PagesUnchanged));
        Assert.Contains("would remove 4 of the 4 pages", stopped.Problems);
        var reader = hub.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync("/handbook/practices/crews")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync("/handbook-files/.gitbook/assets/circle%20%281%29%20of%20chairs.png")).StatusCode);

        using (var scope = hub.Services.CreateScope())
        {
            var confirmed = await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(folder, new ImportHandbook.Settings(ConfirmedRemovals: 4));
            Assert.True(confirmed.Succeeded, confirmed.Problems);
            Assert.Equal(4, confirmed.PagesRemoved);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync("/handbook/practices/crews")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.Http.GetAsync("/handbook-files/.gitbook/assets/circle%20%281%29%20of%20chairs.png")).StatusCode);
    }

    private sealed class Inline(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    [Fact]
    public async Task Run_GitBookYamlWithRootAndStructure_ReadsTheBookFromThere()
    {
        var book = Path.Combine(folder, "..", Path.GetFileName(folder) + "-rooted");
        SampleHandbook.PutBytes(book, ".gitbook.yaml", "root: ./docs/\nstructure:\n  readme: intro.md\n  summary: toc.md\n"u8.ToArray());
        SampleHandbook.PutBytes(book, "docs/toc.md", "# Contents\n\n* [Intro](intro.md)\n* [Hosting](hosting.md)\n"u8.ToArray());
        SampleHandbook.PutBytes(book, "docs/intro.md", "# Introduction\n\nRead [hosting](hosting.md).\n"u8.ToArray());
        SampleHandbook.PutBytes(book, "docs/hosting.md", "# Hosting\n\nNever host alone.\n"u8.ToArray());
        try
        {
            var result = await ImportAsync(book);
            Assert.True(result.Succeeded, result.Problems);
            Assert.Equal(0, result.ProblemCount);
            var (_, home) = await hub.NewClient().GetAsync("/handbook");
            Assert.Equal("Introduction", home.QuerySelector("h1")?.TextContent);
            Assert.Equal("/handbook/hosting", home.QuerySelector(".prose a")?.GetAttribute("href"));
        }
        finally
        {
            Directory.Delete(book, recursive: true);
        }
    }

    [Fact]
    public async Task Run_MissingFolder_FailsWithAMessageAndKeepsThePages()
    {
        await ImportAsync(folder);
        var result = await ImportAsync(Path.Combine(folder, "no-such-folder"));
        Assert.False(result.Succeeded);
        Assert.Contains("no folder", result.Problems);
        Assert.Equal(HttpStatusCode.OK, (await hub.NewClient().Http.GetAsync("/handbook/practices/crews")).StatusCode);
    }

    [Fact]
    public async Task Run_GitUrl_ClonesThenPullsOnReImportWithEditLinksAndDates()
    {
        var repository = Path.Combine(folder, "..", Path.GetFileName(folder) + "-git");
        CopyFolder(folder, repository);
        try
        {
            await GitAsync(repository, "init", "--quiet", "--initial-branch=main");
            await GitAsync(repository, "add", "-A");
            await GitAsync(repository, "-c", "user.name=Test", "-c", "user.email=t@test.example", "commit", "--quiet", "-m", "First", "--date=2025-03-04T05:06:07Z");
            var url = new Uri(Path.GetFullPath(repository)).AbsoluteUri;

            var first = await ImportAsync(url);
            Assert.True(first.Succeeded, first.Problems);
            Assert.Equal(4, first.PagesAdded);

            File.WriteAllText(Path.Combine(repository, "practices", "pulses.md"), "---\nauthor: Kim Vale\n---\n# Pulses\n\nFull moon and new moon.\n");
            await GitAsync(repository, "add", "-A");
            await GitAsync(repository, "-c", "user.name=Test", "-c", "user.email=t@test.example", "commit", "--quiet", "-m", "Pulses");
            var second = await ImportAsync(url);
            Assert.True(second.Succeeded, second.Problems);
            Assert.Equal("added practices/pulses.md", second.Changes);

            using var scope = hub.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var crews = await db.HandbookPages.SingleAsync(p => p.Path == "practices/crews");
            Assert.Equal(new DateTime(2025, 3, 4), crews.UpdatedAt.Date);
            Assert.True((await db.Handbooks.SingleAsync()).SourceIsGit);

            // Each page credits whoever committed to it; the front matter's author comes first; the hub-wide author is only the default.
            Assert.Equal("Test", crews.Author);
            File.AppendAllText(Path.Combine(repository, "practices", "crews.md"), "\nA line from a second writer.\n");
            File.AppendAllText(Path.Combine(repository, "practices", "pulses.md"), "\nAnd the seasons.\n");
            await GitAsync(repository, "add", "-A");
            await GitAsync(repository, "-c", "user.name=Ana Example", "-c", "user.email=ana@test.example", "commit", "--quiet", "-m", "More");
            Assert.True((await ImportAsync(url)).Succeeded);
            db.ChangeTracker.Clear();
            var authors = await db.HandbookPages.ToDictionaryAsync(p => p.Path, p => p.Author);
            Assert.Equal("Ana Example and Test", authors["practices/crews"]);
            Assert.Equal("Kim Vale", authors["practices/pulses"]);
            Assert.Equal("Test", authors["practices/retrospectives"]);
            var (_, page) = await hub.NewClient().GetAsync("/handbook/practices/crews");
            Assert.Contains("Text by Ana Example and Test,", page.QuerySelector(".page-footer")?.TextContent);
        }
        finally
        {
            Directory.Delete(repository, recursive: true);
        }
    }

    [Fact]
    public async Task Search_StemmedWords_FindsRankedPagesWithMarkedSnippets()
    {
        await ImportAsync(folder);
        var (response, page) = await hub.NewClient().GetAsync("/search?q=choose+continuing");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = page.QuerySelector(".search-results li");
        Assert.Equal("/handbook/practices/retrospectives", first?.QuerySelector("a")?.GetAttribute("href"));
        Assert.Contains(first!.QuerySelectorAll("mark"), m => m.TextContent == "chooses");
        var (_, none) = await hub.NewClient().GetAsync("/search?q=%22%29%28*+zzyzx");
        Assert.NotNull(none.QuerySelector(".empty"));
    }

    [Fact]
    public async Task SearchAsYouType_APartWord_FindsPagesAsJson_AndSyntaxIsJustText()
    {
        await ImportAsync(folder);
        var client = hub.NewClient();
        using var partial = System.Text.Json.JsonDocument.Parse(await client.Http.GetStringAsync("/search.json?q=choose+continu"));
        var hits = partial.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.Equal("/handbook/practices/retrospectives", hits[0].GetProperty("url").GetString());
        Assert.Contains("<mark>", hits[0].GetProperty("snippet").GetString());
        Assert.True(hits.Count <= 8);
        foreach (var nasty in new[] { "%27%29%3B+DROP", "a+%26+%7C+%21", "%3A*", "%3Cscript%3E" })
        {
            var response = await client.Http.GetAsync($"/search.json?q={nasty}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Run_RemoteImageOnAPrivateAddress_IsNotDownloadedAndIsReportedAsLeftAsALink()
    {
        using var images = new ImageServer();
        File.WriteAllText(Path.Combine(folder, "practices", "retrospectives.md"), $"# Retrospectives\n\n![The river]({images.Url}map.png)\n");
        var result = await ImportAsync(folder);
        Assert.True(result.Succeeded, result.Problems);
        var problem = Assert.Single(result.Problems.Split('\n'), p => p.Contains("map.png", StringComparison.Ordinal));
        Assert.StartsWith("practices/retrospectives.md:3: Image on another site, left as a link (", problem);
        Assert.Contains("local or private network address", problem);
        Assert.Contains("Handbook:AllowPrivateImageHosts", problem);
        Assert.Equal(0, images.Requests);
        var (_, page) = await hub.NewClient().GetAsync("/handbook/practices/retrospectives");
        Assert.Equal($"{images.Url}map.png", page.QuerySelector(".prose a")?.GetAttribute("href"));
        Assert.Null(page.QuerySelector(".prose img"));
    }

    [Fact]
    public async Task Run_RemoteImagesWhenTheOperatorAllowsThem_AreDownloadedOnceAndServedByTheHub()
    {
        using var images = new ImageServer();
        await using var downloading = await HubFactory.StartAsync(settings =>
        {
            settings["Handbook:DownloadRemoteImages"] = "true";
            settings["Handbook:AllowPrivateImageHosts"] = "true"; // the image server of this test is on loopback
        }, smtp: false);
        File.WriteAllText(Path.Combine(folder, "practices", "retrospectives.md"),
            $"# Retrospectives\n\n![The river]({images.Url}map.png)\n\n![Gone]({images.Url}gone.png)\n\n![Not a picture]({images.Url}text.png)\n");
        async Task<HandbookImport> ImportHereAsync()
        {
            using var scope = downloading.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(folder);
        }

        var result = await ImportHereAsync();
        Assert.True(result.Succeeded, result.Problems);
        var problems = result.Problems.Split('\n');
        Assert.DoesNotContain(problems, p => p.Contains("map.png", StringComparison.Ordinal));
        Assert.Contains($"practices/retrospectives.md:5: Image on another site, left as a link (the server answered 404): {images.Url}gone.png", problems);
        Assert.Contains($"practices/retrospectives.md:7: Image on another site, left as a link (not a PNG, JPEG, GIF or WebP picture): {images.Url}text.png", problems);

        var reader = downloading.NewClient();
        var (_, page) = await reader.GetAsync("/handbook/practices/retrospectives");
        var image = page.QuerySelector(".prose img[alt='The river']");
        Assert.StartsWith("/handbook-files/remote-images/", image?.GetAttribute("src"));
        var served = await reader.Http.GetAsync(image!.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ImageServer.Png, await served.Content.ReadAsByteArrayAsync());

        // The copy is kept: importing again does not fetch it again.
        var fetched = images.RequestsFor("/map.png");
        Assert.True((await ImportHereAsync()).Succeeded);
        Assert.Equal(fetched, images.RequestsFor("/map.png"));
    }

    /// <summary>A picture server on loopback: /map.png is a PNG, /text.png is text that claims to be one, anything else is 404.</summary>
    private sealed class ImageServer : IDisposable
    {
        public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        private readonly HttpListener listener = new();
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> requests = new();

        public string Url { get; }
        public int Requests => requests.Values.Sum();
        public int RequestsFor(string path) => requests.GetValueOrDefault(path);

        public ImageServer()
        {
            var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(Url);
            listener.Start();
            _ = Task.Run(ServeAsync);
        }

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                var path = context.Request.Url!.AbsolutePath;
                requests.AddOrUpdate(path, 1, (_, n) => n + 1);
                var body = path switch { "/map.png" => Png, "/text.png" => "not a picture"u8.ToArray(), _ => null };
                context.Response.StatusCode = body is null ? 404 : 200;
                context.Response.ContentType = "image/png";
                if (body is not null)
                {
                    await context.Response.OutputStream.WriteAsync(body);
                }
                context.Response.Close();
            }
        }

        public void Dispose() => listener.Close();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task GitAsync(string folder, params string[] arguments)
    {
        var (code, output) = await FetchHandbookSource.GitAsync(folder, CancellationToken.None, arguments);
        Assert.True(code == 0, output);
    }
}
