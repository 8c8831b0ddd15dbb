using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Demo;
using Microsolidarity.Hub.Features.Handbook;
using Microsolidarity.Hub.Features.Updates.Podcast;
using Microsolidarity.Hub.Platform.Backup;
using Microsolidarity.Hub.Platform.Configuration;
using Microsolidarity.Hub.Platform.Data;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Handbook;
using SkiaSharp;

namespace Microsolidarity.Hub.Tests.Platform.Files;

/// <summary>One real S3-compatible store (s3rver on loopback) with two buckets, and one hub keeping its files in the first.</summary>
public sealed class ObjectStoreHub : IAsyncLifetime
{
    public S3Host Store { get; private set; } = null!;
    public HubFactory Hub { get; private set; } = null!;
    public AmazonS3Client S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = await S3Host.StartAsync("hub", "restored");
        Hub = await HubFactory.StartAsync(s =>
        {
            foreach (var (key, value) in Store.Settings("hub"))
            {
                s[key] = value;
            }
        }, smtp: false);
        // The test reads the bucket with its own client, as any other S3 tool would.
        S3 = new AmazonS3Client(new BasicAWSCredentials(S3Host.AccessKey, S3Host.SecretKey), new AmazonS3Config
        {
            ServiceURL = Store.ServiceUrl,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public async Task DisposeAsync()
    {
        S3.Dispose();
        await Hub.DisposeAsync();
        await Store.DisposeAsync();
    }

    public async Task<byte[]> ObjectAsync(string bucket, string key)
    {
        using var response = await S3.GetObjectAsync(bucket, key);
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    public async Task<List<string>> KeysAsync(string bucket, string prefix = "")
    {
        var page = await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix });
        return [.. (page.S3Objects ?? []).Select(o => o.Key).Order(StringComparer.Ordinal)];
    }
}

/// <summary>
/// Photos, podcast audio, handbook files and exports kept in an S3-compatible object store (Files:Store=S3):
/// written into the bucket, served from it (with validators and ranges), backed up and restored from it,
/// and an operator told plainly when the store cannot be reached.
/// </summary>
public sealed class ObjectStoreTests(ObjectStoreHub fixture) : IClassFixture<ObjectStoreHub>
{
    private const string Password = "files in a bucket";

    private HubFactory Hub => fixture.Hub;

    private static byte[] Png(int size)
    {
        using var bitmap = new SKBitmap(size, size);
        bitmap.Erase(new SKColor(0x2e, 0x7d, 0x6b));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    [Fact]
    public async Task Photo_Uploaded_IsStoredInTheBucketAndServedFromIt()
    {
        var email = Unique.Email("uma");
        var person = await Hub.CreatePersonAsync(email, Password, name: "Uma");
        var owner = await Hub.SignedInClientAsync(email, Password);
        var (_, profile) = await owner.GetAsync("/me/profile");
        var token = profile.QuerySelector("form[action*='handler=Photo'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Everyone"), "PhotoVisibility" },
            { new ByteArrayContent(Png(300)), "Photo", "me.png" },
        };
        var uploaded = await owner.Http.PostAsync("/me/profile?handler=Photo", form);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);

        string file;
        using (var scope = Hub.Services.CreateScope())
        {
            file = await scope.ServiceProvider.GetRequiredService<HubDbContext>().Profiles.Where(p => p.UserId == person.Id).Select(p => p.PhotoFile).SingleAsync();
        }
        var stored = await fixture.ObjectAsync("hub", $"photos/{file}");
        Assert.Equal([0xFF, 0xD8], stored[..2]); // re-encoded as JPEG before it was stored
        Assert.False(Directory.Exists(Path.Combine(Hub.DataDirectory, "photos")), "nothing is written to the node's own folder");

        var served = await owner.Http.GetAsync($"/people/{person.Id}/photo");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(stored, await served.Content.ReadAsByteArrayAsync());
        Assert.NotNull(served.Content.Headers.LastModified);
        var tag = served.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/people/{person.Id}/photo") { Headers = { IfNoneMatch = { tag } } };
        Assert.Equal(HttpStatusCode.NotModified, (await owner.Http.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task PodcastAudio_IsStoredInTheBucket_AndServedInRanges()
    {
        var email = Unique.Email("producer");
        var producer = await Hub.CreatePersonAsync(email, Password, admin: true);
        var audio = SeedDemoUpdates.Tones([440.0, 523.3], secondsEach: 0.5);
        string slug;
        using (var scope = Hub.Services.CreateScope())
        {
            var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, producer.Id)], "test"));
            using var upload = new MemoryStream(audio);
            var (outcome, published) = await scope.ServiceProvider.GetRequiredService<PublishEpisode>().RunAsync(user,
                new PublishEpisode.Input(Unique.Name("Crews in the rain"), "Notes.", "0:01", null, null, null, "talk.wav", upload, audio.Length),
                CancellationToken.None);
            Assert.True(outcome.Succeeded, outcome.Message);
            slug = published!;
        }
        Assert.Equal(audio, await fixture.ObjectAsync("hub", $"podcast/{slug}.wav"));

        var listener = Hub.NewClient();
        using var range = new HttpRequestMessage(HttpMethod.Get, $"/podcast/audio/{slug}.wav") { Headers = { Range = new RangeHeaderValue(1000, 4999) } };
        var part = await listener.Http.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal($"bytes 1000-4999/{audio.Length}", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(audio[1000..5000], await part.Content.ReadAsByteArrayAsync());
        using var tail = new HttpRequestMessage(HttpMethod.Get, $"/podcast/audio/{slug}.wav") { Headers = { Range = new RangeHeaderValue(null, 100) } };
        Assert.Equal(audio[^100..], await (await listener.Http.SendAsync(tail)).Content.ReadAsByteArrayAsync());
        var whole = await listener.Http.GetAsync($"/podcast/audio/{slug}.wav");
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Equal(audio, await whole.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Handbook_FilesAndPdfExport_LandInTheBucket_AndAreServedFromIt()
    {
        using (var scope = Hub.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(SampleHandbook.Write())).Succeeded);
        }
        const string image = ".gitbook/assets/circle (1) of chairs.png";
        Assert.Contains($"handbook/files/{image}", await fixture.KeysAsync("hub", "handbook/files/"));
        var visitor = Hub.NewClient();
        var served = await visitor.Http.GetAsync("/handbook-files/.gitbook/assets/circle%20(1)%20of%20chairs.png");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(await fixture.ObjectAsync("hub", $"handbook/files/{image}"), await served.Content.ReadAsByteArrayAsync());

        // The EPUB carries the image read back from the bucket.
        using (var epub = new ZipArchive(await (await visitor.Http.GetAsync("/handbook.epub")).Content.ReadAsStreamAsync()))
        {
            Assert.Contains(epub.Entries, e => e.FullName.StartsWith("EPUB/images/image-", StringComparison.Ordinal) && e.Length > 0);
        }

        ExportHandbookPdf.Result printed;
        using (var scope = Hub.Services.CreateScope())
        {
            printed = await scope.ServiceProvider.GetRequiredService<ExportHandbookPdf>().RunAsync();
        }
        var key = Assert.IsType<ExportHandbookPdf.Ready>(printed).Key;
        Assert.StartsWith("handbook/export/handbook-", key);
        Assert.Equal([key], await fixture.KeysAsync("hub", "handbook/export/"));
        var pdf = await visitor.Http.GetAsync("/handbook.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(await fixture.ObjectAsync("hub", key), await pdf.Content.ReadAsByteArrayAsync());
        Assert.False(Directory.Exists(Path.Combine(Hub.DataDirectory, "handbook", "files")) || Directory.Exists(Path.Combine(Hub.DataDirectory, "handbook", "export")));
    }

    [Fact]
    public async Task Backup_ThenRestoreIntoAnEmptyBucket_BringsEveryObjectBack()
    {
        var store = Hub.Services.GetRequiredService<IFileStore>();
        var cover = $"covers/{Guid.NewGuid():N}.jpg";
        await store.PutBytesAsync(cover, [0xFF, 0xD8, 1, 2, 3, 0xFF, 0xD9], "image/jpeg");
        var folder = TestPaths.NewTemporaryDirectory("hub-s3-backup");
        var zipPath = Path.Combine(folder, "hub.zip");
        using (var scope = Hub.Services.CreateScope())
        {
            var (ok, message) = await scope.ServiceProvider.GetRequiredService<CreateBackup>().RunAsync(zipPath);
            Assert.True(ok, message);
            Assert.Contains("the bucket hub", message);
        }
        var backedUp = await fixture.KeysAsync("hub");
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            Assert.Contains($"files/{cover}", zip.Entries.Select(e => e.FullName));
        }

        // Another hub, on an empty database and the empty second bucket, as after losing the first.
        await using var database = await TestDatabase.CreateAsync();
        using var into = new S3FileStore(new FilesOptions.S3Settings
        {
            ServiceUrl = fixture.Store.ServiceUrl,
            Bucket = "restored",
            AccessKey = S3Host.AccessKey,
            SecretKey = S3Host.SecretKey,
        });
        Assert.Empty(await fixture.KeysAsync("restored"));
        var restore = new RestoreBackup(new DatabaseOptions { Provider = database.Provider },
            new DatabaseConnection(database.IsPostgres ? database.ConnectionString : $"Data Source={Path.Combine(folder, "data", "hub.db")}"),
            Options.Create(new HubOptions { DataDirectory = Path.Combine(folder, "data") }), into);
        var (restored, restoreMessage) = await restore.RunAsync(zipPath);
        Assert.True(restored, restoreMessage);
        Assert.Equal(backedUp, await fixture.KeysAsync("restored"));
        Assert.Equal(await fixture.ObjectAsync("hub", cover), await fixture.ObjectAsync("restored", cover));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Store_ThatCannotBeReachedOrIsMisconfigured_SaysWhatToCheck()
    {
        var nobody = FreePort.Next(); // nothing listens there
        using var unreachable = new S3FileStore(new FilesOptions.S3Settings
        {
            ServiceUrl = $"http://127.0.0.1:{nobody}",
            Bucket = "hub",
            AccessKey = S3Host.AccessKey,
            SecretKey = S3Host.SecretKey,
            TimeoutSeconds = 5,
        });
        var failure = await Assert.ThrowsAsync<FileStoreUnavailableException>(() => unreachable.PutBytesAsync("photos/someone.jpg", [1, 2, 3], "image/jpeg"));
        Assert.Contains($"The object store at http://127.0.0.1:{nobody} (Files:S3:ServiceUrl) cannot be reached", failure.Message);
        Assert.Equal(failure.Message.Split(':')[0], (await unreachable.ProblemAsync())!.Split(':')[0]);

        // A hub whose store goes out of reach answers a file's request with 503 and "try again in a minute", in the
        // reader's words (an outage, not the 500 of a bug), and /readyz says the same to the load balancer.
        await using (var cutOff = await HubFactory.StartAsync(s =>
        {
            foreach (var (key, value) in fixture.Store.Settings("hub"))
            {
                s[key] = value;
            }
            s["Files:S3:ServiceUrl"] = $"http://127.0.0.1:{nobody}";
            s["Files:S3:TimeoutSeconds"] = "5";
        }, smtp: false))
        {
            var visitor = cutOff.NewClient();
            var (outage, outagePage) = await visitor.GetAsync("/handbook-files/images/circle.png");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, outage.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), outage.Headers.RetryAfter?.Delta);
            Assert.Equal("Files are out of reach for a moment", outagePage.QuerySelector("h1")!.TextContent);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await visitor.Http.GetAsync("/readyz")).StatusCode);
        }

        using var noBucket = new S3FileStore(new FilesOptions.S3Settings
        {
            ServiceUrl = fixture.Store.ServiceUrl,
            Bucket = "nowhere",
            AccessKey = S3Host.AccessKey,
            SecretKey = S3Host.SecretKey,
        });
        Assert.Contains("has no bucket nowhere", await noBucket.ProblemAsync());
        using var stranger = new S3FileStore(new FilesOptions.S3Settings
        {
            ServiceUrl = fixture.Store.ServiceUrl,
            Bucket = "hub",
            AccessKey = "NOBODY",
            SecretKey = S3Host.SecretKey,
        });
        Assert.Contains("refused the hub's credentials for the bucket hub (InvalidAccessKeyId)", await stranger.ProblemAsync());

        // Settings are checked as the hub starts: it refuses to start, naming what is missing.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => HubFactory.StartAsync(s =>
        {
            s["Files:Store"] = "S3";
            s["Files:S3:ServiceUrl"] = fixture.Store.ServiceUrl;
        }, smtp: false));
        Assert.Contains("Files:S3:Bucket is empty", refused.ToString());
        Assert.Contains("Files:S3:AccessKey and Files:S3:SecretKey are both needed", refused.ToString());
    }
}
