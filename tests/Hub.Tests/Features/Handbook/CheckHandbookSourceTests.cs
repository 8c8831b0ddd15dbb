using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Features.Handbook;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

/// <summary>What the import may read: never the data folder, folders from the web only where allowed, git only from public hosts.</summary>
public sealed class CheckHandbookSourceTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private string sample = null!;
    private string parent = null!;
    private string data = null!;

    public async Task InitializeAsync()
    {
        // The data folder one level down in a folder of its own, so that "the folder holding it" is small.
        parent = TestPaths.NewTemporaryDirectory("hub-parent");
        data = Path.Combine(parent, "data");
        hub = await HubFactory.StartAsync(settings => settings["Hub:DataDirectory"] = data, smtp: false);
        sample = SampleHandbook.Write();
    }

    public async Task DisposeAsync()
    {
        await hub.DisposeAsync();
        Directory.Delete(sample, recursive: true);
        Directory.Delete(parent, recursive: true);
    }

    private async Task<HandbookImport> ImportAsync(string source)
    {
        using var scope = hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(source);
    }

    private async Task<CheckHandbookSource.Result> CheckAsync(string source, bool fromWeb = false)
    {
        using var scope = hub.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CheckHandbookSource>().RunAsync(source, fromWeb);
    }

    [Theory]
    [InlineData("")]
    [InlineData("handbook")]
    [InlineData("..")]
    [InlineData("link")]
    public async Task Run_TheDataFolderInsideItOrHoldingIt_IsRefusedAndNothingIsPublished(string which)
    {
        // A page and a "private" file in the data folder, as a careless import would publish them.
        SampleHandbook.PutBytes(data, "handbook/README.md", "# Mail\n\n[The reset link](reset.eml)\n"u8.ToArray());
        SampleHandbook.PutBytes(data, "handbook/reset.eml", "Subject: Reset your password\n\nhttps://hub.example/reset?token=live"u8.ToArray());
        var source = which switch
        {
            "link" => Path.Combine(sample, "data-link"),
            _ => Path.GetFullPath(Path.Combine(data, which)),
        };
        if (which == "link")
        {
            Directory.CreateSymbolicLink(source, data);
        }

        var result = await ImportAsync(source);

        Assert.False(result.Succeeded);
        Assert.Contains("data folder", result.Problems);
        Assert.Equal(HttpStatusCode.NotFound, (await hub.NewClient().Http.GetAsync("/handbook-files/reset.eml")).StatusCode);
        using var scope = hub.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<HubDbContext>().HandbookPages.AnyAsync());
    }

    [Fact]
    public async Task Run_GitBookYamlRootIsALinkOutOfTheFolder_ReadsTheTopFolderInstead()
    {
        Directory.CreateSymbolicLink(Path.Combine(sample, "book"), data);
        SampleHandbook.PutBytes(data, "README.md", "# Private\n"u8.ToArray());
        File.WriteAllText(Path.Combine(sample, ".gitbook.yaml"), "root: ./book/\n");

        var result = await ImportAsync(sample);

        Assert.True(result.Succeeded, result.Problems);
        Assert.Contains("is not a folder inside the handbook", result.Problems);
        var (_, home) = await hub.NewClient().GetAsync("/handbook");
        Assert.Equal("Welcome", home.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task Check_FolderFromTheWebWithNoAllowedFolders_IsRefusedButTheCommandLineMayImportIt()
    {
        var web = Assert.IsType<CheckHandbookSource.Refused>(await CheckAsync(sample, fromWeb: true));
        Assert.Contains("Handbook:AllowedFolders", web.Message);
        Assert.Equal(HandbookPaths.RealPath(sample), Assert.IsType<CheckHandbookSource.Folder>(await CheckAsync(sample)).Path);
    }

    [Theory]
    [InlineData("file:///srv/handbook.git", "https://")]
    [InlineData("http://127.0.0.1/handbook.git", "https://")]
    [InlineData("https://127.0.0.1/handbook.git", "127.0.0.1")]
    [InlineData("https://localhost:8443/handbook.git", "private network")]
    [InlineData("https://10.1.2.3/handbook.git", "10.1.2.3")]
    [InlineData("https://192.168.1.20/handbook.git", "192.168.1.20")]
    [InlineData("https://172.20.0.5/handbook.git", "172.20.0.5")]
    [InlineData("https://169.254.169.254/latest/meta-data", "169.254.169.254")]
    [InlineData("https://100.64.0.1/handbook.git", "100.64.0.1")]
    [InlineData("https://[::1]/handbook.git", "::1")]
    [InlineData("https://[fd12:3456::1]/handbook.git", "fd12:3456::1")]
    [InlineData("https://[::ffff:10.0.0.1]/handbook.git", "10.0.0.1")]
    [InlineData("ssh://git@github.com/group/handbook.git", "Handbook:AllowSshGitUrls")]
    [InlineData("git@github.com:group/handbook.git", "https://")]
    [InlineData("ext::sh -c touch% /tmp/pwned", "There is no folder")]
    public async Task Check_DefaultSettings_RefusesLocalPrivateAndNonHttpsGitUrls(string url, string reason)
    {
        var refused = Assert.IsType<CheckHandbookSource.Refused>(await CheckAsync(url));
        Assert.Contains(reason, refused.Message);
    }

    [Fact]
    public async Task Check_HttpsUrlOfAPublicAddress_PassesWithTheAddressPinned()
    {
        var git = Assert.IsType<CheckHandbookSource.Git>(await CheckAsync("https://140.82.112.3/group/handbook.git"));
        Assert.Equal("https://140.82.112.3/group/handbook.git", git.Url);
    }

    [Fact]
    public async Task Run_FileUrlOfALocalRepositoryByDefault_IsRefusedBeforeGitRuns()
    {
        var (code, output) = await FetchHandbookSource.GitAsync(sample, CancellationToken.None, "init", "--quiet");
        Assert.True(code == 0, output);
        var url = new Uri(sample).AbsoluteUri;

        var result = await ImportAsync(url);

        Assert.False(result.Succeeded);
        Assert.Contains("https://", result.Problems);
        Assert.False(Directory.Exists(Path.Combine(data, "handbook", "git")));
    }

    [Fact]
    public async Task Run_LocalRepositoryWithAllowPrivateGitHosts_IsImported()
    {
        await hub.DisposeAsync();
        hub = await HubFactory.StartAsync(settings =>
        {
            settings["Hub:DataDirectory"] = data;
            settings["Handbook:AllowPrivateGitHosts"] = "true";
        }, smtp: false);
        foreach (var arguments in new[] { ["init", "--quiet"], ["add", "-A"], new[] { "-c", "user.name=Test", "-c", "user.email=t@test.example", "commit", "--quiet", "-m", "First" } })
        {
            var (code, output) = await FetchHandbookSource.GitAsync(sample, CancellationToken.None, arguments);
            Assert.True(code == 0, output);
        }

        var result = await ImportAsync(new Uri(sample).AbsoluteUri);

        Assert.True(result.Succeeded, result.Problems);
        Assert.Equal(4, result.PagesAdded);
    }
}
