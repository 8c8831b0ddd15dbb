using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Web;
using Microsolidarity.Hub.Testing;
using SkiaSharp;

namespace Microsolidarity.Hub.Tests.Features.People;

/// <summary>
/// One hub for the class, serving through a clock the tests move (photos are limited to one a minute per person).
/// Each test uploads as a person of its own, made with an address no other test uses.
/// </summary>
public sealed class PhotoHub : IAsyncLifetime
{
    public ShiftedClock Clock { get; } = new();
    public HubFactory Hub { get; private set; } = null!;
    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await HubFactory.StartAsync(smtp: false);
        App = Hub.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Hub.DisposeAsync();
    }
}

public sealed class ProfilePhotoTests(PhotoHub shared) : IClassFixture<PhotoHub>, IAsyncLifetime
{
    private const string Password = "a photo by the sea";
    private readonly ShiftedClock clock = shared.Clock;
    private readonly HubFactory hub = shared.Hub;
    private readonly WebApplicationFactory<Program> app = shared.App;
    private FormClient owner = null!;
    private FormClient stranger = null!;
    private string ownerId = "";
    private string[] photosBefore = [];

    public async Task InitializeAsync()
    {
        var (uma, vik) = (Unique.Email("uma"), Unique.Email("vik"));
        ownerId = (await hub.CreatePersonAsync(uma, Password, name: "Uma")).Id;
        await hub.CreatePersonAsync(vik, Password, name: "Vik");
        owner = await SignedInAsync(uma);
        stranger = await SignedInAsync(vik);
        photosBefore = PhotoFiles();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The photo files kept now; the class's tests run one after another, so a test's own are those not there before it.</summary>
    private string[] PhotoFiles()
    {
        var folder = Path.Combine(hub.DataDirectory, "photos");
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    private string[] NewPhotoFiles() => [.. PhotoFiles().Except(photosBefore)];

    private FormClient Visitor() => new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    private async Task<FormClient> SignedInAsync(string email)
    {
        var client = Visitor();
        var (response, page) = await client.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.Body?.TextContent);
        return client;
    }

    private async Task<(HttpResponseMessage Response, string Html)> UploadAsync(byte[]? file, string fileName, string visibility = "MyGroups", string handler = "Photo")
    {
        var (_, page) = await owner.GetAsync("/me/profile");
        var token = page.QuerySelector("form[action*='handler=Photo'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(visibility), "PhotoVisibility" },
        };
        if (file is not null)
        {
            content.Add(new ByteArrayContent(file), "Photo", fileName);
        }
        var response = await owner.Http.PostAsync($"/me/profile?handler={handler}", content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
            canvas.DrawRect(0, 0, width / 2f, height, new SKPaint { Color = SKColors.Coral });
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>A JPEG with an EXIF block naming a place, as a phone would write it.</summary>
    private static byte[] JpegWithLocation()
    {
        using var bitmap = new SKBitmap(300, 200);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }
        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        var payload = Encoding.ASCII.GetBytes("Exif\0\0MM\0*\0\0\0\x08\0\0GPS 38.7223N 9.1393W secret-place");
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF; segment[1] = 0xE1;
        segment[2] = (byte)((payload.Length + 2) >> 8); segment[3] = (byte)((payload.Length + 2) & 0xFF);
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    [Fact]
    public async Task Photo_IsCheckedCroppedStrippedAndShownOnlyAsChosen()
    {
        var (text, textHtml) = await UploadAsync(Encoding.UTF8.GetBytes("not a picture at all"), "notes.jpg");
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        Assert.Contains("not an image we can read", textHtml);
        var (none, noneHtml) = await UploadAsync(null, "");
        Assert.Contains("Choose a photo to upload", noneHtml);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);

        var (saved, _) = await UploadAsync(Png(800, 600), "me.png");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var mine = await owner.Http.GetAsync($"/people/{ownerId}/photo");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("image/jpeg", mine.Content.Headers.ContentType!.MediaType);
        using (var decoded = SKBitmap.Decode(await mine.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((512, 512), (decoded.Width, decoded.Height));
        }
        // People in my groups only: a stranger and a visitor get nothing, not even a hint it exists.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/people/{ownerId}/photo")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Visitor().Http.GetAsync($"/people/{ownerId}/photo")).StatusCode);
        var (_, strangerView) = await stranger.GetAsync($"/people/{ownerId}");
        Assert.Null(strangerView.QuerySelector("img.avatar"));

        clock.Advance(PhotoUploadThrottle.Interval); // one photo a minute: a minute later, a new one
        var (located, _) = await UploadAsync(JpegWithLocation(), "holiday.jpg", visibility: "Everyone");
        Assert.Equal(HttpStatusCode.Redirect, located.StatusCode);
        var visitor = await Visitor().Http.GetAsync($"/people/{ownerId}/photo");
        Assert.Equal(HttpStatusCode.OK, visitor.StatusCode);
        var bytes = await visitor.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("secret-place", Encoding.ASCII.GetString(bytes));
        Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(bytes));
        using (var decoded = SKBitmap.Decode(bytes))
        {
            Assert.Equal((200, 200), (decoded.Width, decoded.Height)); // small photos are cropped, not enlarged
        }
        var (_, publicView) = await Visitor().GetAsync($"/people/{ownerId}");
        Assert.NotNull(publicView.QuerySelector("img.avatar[alt='Photo of Uma']"));
        // The first upload's file is gone: only one photo is kept per person.
        Assert.Single(NewPhotoFiles());

        var (removed, _) = await UploadAsync(null, "", handler: "RemovePhoto");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.GetAsync($"/people/{ownerId}/photo")).StatusCode);
        Assert.Empty(NewPhotoFiles());
        using var scope = app.Services.CreateScope();
        Assert.Equal("", await scope.ServiceProvider.GetRequiredService<HubDbContext>().Profiles.Where(p => p.UserId == ownerId).Select(p => p.PhotoFile).SingleAsync());
    }

    [Fact]
    public async Task MemberDirectory_ShowsPhotosToFellowMembersAsEachPersonChose()
    {
        await UploadAsync(Png(300, 300), "me.png", visibility: "MyGroups");
        var path = await Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit.CreateAsync(owner, "Photo Circle");
        var (joined, _) = await stranger.SubmitAsync(path, new Dictionary<string, string>(), handler: "Join");
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);

        // Vik shares the congregation with Uma: her "people in my groups" photo is beside her name.
        var (_, members) = await stranger.GetAsync($"{path}/members");
        var uma = members.QuerySelectorAll(".member-list > li").Single(li => li.TextContent.Contains("Uma"));
        var src = uma.QuerySelector("img.avatar")!.GetAttribute("src")!;
        Assert.StartsWith($"/people/{ownerId}/photo", src);
        Assert.Equal(HttpStatusCode.OK, (await stranger.Http.GetAsync(src)).StatusCode);
        Assert.Equal($"/people/{ownerId}", uma.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Null(members.QuerySelectorAll(".member-list > li").Single(li => li.TextContent.Contains("Vik")).QuerySelector("img.avatar"));

        // "Only me": gone from the list for Vik, still there for Uma herself.
        await UploadAsync(null, "", visibility: "OnlyMe");
        var (_, hidden) = await stranger.GetAsync($"{path}/members");
        Assert.Null(hidden.QuerySelector("img.avatar"));
        var (_, own) = await owner.GetAsync($"{path}/members");
        Assert.NotNull(own.QuerySelector("img.avatar"));
    }

    [Fact]
    public async Task Photo_Over5MB_IsRefusedBesideTheFieldWith413AndNothingIsKept()
    {
        var large = new byte[7_000_000]; // a 6.7 MB phone original
        Png(400, 300).CopyTo(large, 0);
        var (response, html) = await UploadAsync(large, "original.png");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Contains("choose one under 5 MB", page.QuerySelector("#photo-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#photo")!.GetAttribute("aria-invalid"));
        Assert.Empty(NewPhotoFiles());
    }

    /// <summary>A PNG whose header declares 7000 × 7000 pixels, a few kilobytes long: 196 MB once decoded.</summary>
    private static byte[] PngClaiming(int width, int height)
    {
        static byte[] Chunk(string type, byte[] data)
        {
            var chunk = new byte[12 + data.Length];
            BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
            Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
            data.CopyTo(chunk, 8);
            var crc = 0xFFFFFFFFu;
            foreach (var b in chunk.AsSpan(4, 4 + data.Length))
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
                }
            }
            BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), ~crc);
            return chunk;
        }
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = 2; // RGB
        using var rows = new MemoryStream();
        using (var zlib = new ZLibStream(rows, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[16 * (width * 3 + 1)]); // the first rows only: the rest is never read
        }
        return [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", rows.ToArray()), .. Chunk("IEND", [])];
    }

    [Fact]
    public async Task Photo_HeaderClaims49Megapixels_IsRefusedBeforeDecoding()
    {
        var bomb = PngClaiming(7000, 7000);
        Assert.True(bomb.Length < 100_000);
        var (response, html) = await UploadAsync(bomb, "small.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Contains("49 megapixels", page.QuerySelector("#photo-error")!.TextContent);
        using var scope = app.Services.CreateScope();
        Assert.Equal("", await scope.ServiceProvider.GetRequiredService<HubDbContext>().Profiles
            .Where(p => p.UserId == ownerId).Select(p => p.PhotoFile).SingleOrDefaultAsync() ?? "");
    }

    [Fact]
    public async Task Photo_SecondWithinAMinute_IsAskedToWaitAndAMinuteLaterIsTaken()
    {
        var (first, _) = await UploadAsync(Png(300, 300), "first.png");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var (second, html) = await UploadAsync(Png(400, 400), "second.png");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Wait a minute, then try again", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("#photo-error")!.TextContent);
        // Who may see it is not an upload: it can change at once.
        var (visibility, _) = await UploadAsync(null, "", visibility: "OnlyMe");
        Assert.Equal(HttpStatusCode.Redirect, visibility.StatusCode);

        clock.Advance(PhotoUploadThrottle.Interval);
        var (later, _) = await UploadAsync(Png(400, 400), "second.png");
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }
}
