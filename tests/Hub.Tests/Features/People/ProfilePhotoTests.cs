using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Testing;
using SkiaSharp;

namespace Microsolidarity.Hub.Tests.Features.People;

public sealed class ProfilePhotoTests : IAsyncLifetime
{
    private const string Password = "a photo by the sea";
    private HubFactory hub = null!;
    private FormClient owner = null!;
    private FormClient stranger = null!;
    private string ownerId = "";

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync(smtp: false);
        ownerId = (await hub.CreatePersonAsync("uma@test.example", Password, name: "Uma")).Id;
        await hub.CreatePersonAsync("vik@test.example", Password, name: "Vik");
        owner = await hub.SignedInClientAsync("uma@test.example", Password);
        stranger = await hub.SignedInClientAsync("vik@test.example", Password);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

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
        Assert.Equal(HttpStatusCode.NotFound, (await hub.NewClient().Http.GetAsync($"/people/{ownerId}/photo")).StatusCode);
        var (_, strangerView) = await stranger.GetAsync($"/people/{ownerId}");
        Assert.Null(strangerView.QuerySelector("img.avatar"));

        var (located, _) = await UploadAsync(JpegWithLocation(), "holiday.jpg", visibility: "Everyone");
        Assert.Equal(HttpStatusCode.Redirect, located.StatusCode);
        var visitor = await hub.NewClient().Http.GetAsync($"/people/{ownerId}/photo");
        Assert.Equal(HttpStatusCode.OK, visitor.StatusCode);
        var bytes = await visitor.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("secret-place", Encoding.ASCII.GetString(bytes));
        Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(bytes));
        using (var decoded = SKBitmap.Decode(bytes))
        {
            Assert.Equal((200, 200), (decoded.Width, decoded.Height)); // small photos are cropped, not enlarged
        }
        var (_, publicView) = await hub.NewClient().GetAsync($"/people/{ownerId}");
        Assert.NotNull(publicView.QuerySelector("img.avatar[alt='Photo of Uma']"));
        // The first upload's file is gone: only one photo is kept per person.
        var folder = Path.Combine(hub.DataDirectory, "photos");
        Assert.Single(Directory.GetFiles(folder));

        var (removed, _) = await UploadAsync(null, "", handler: "RemovePhoto");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Http.GetAsync($"/people/{ownerId}/photo")).StatusCode);
        Assert.Empty(Directory.GetFiles(folder));
        using var scope = hub.Services.CreateScope();
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
        await UploadAsync(Png(300, 300), "me.png", visibility: "OnlyMe");
        var (_, hidden) = await stranger.GetAsync($"{path}/members");
        Assert.Null(hidden.QuerySelector("img.avatar"));
        var (_, own) = await owner.GetAsync($"{path}/members");
        Assert.NotNull(own.QuerySelector("img.avatar"));
    }
}
