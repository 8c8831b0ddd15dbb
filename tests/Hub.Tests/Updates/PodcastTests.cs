using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Features.Demo;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Updates;

/// <summary>Episodes, the PSP-1 feed read by real podcast parsers, and audio served in ranges.</summary>
public sealed class PodcastTests : IAsyncLifetime
{
    private HubFactory hub = null!;
    private FormClient admin = null!;

    public async Task InitializeAsync()
    {
        hub = await HubFactory.StartAsync(s => s["Updates:Podcast:MaxUploadMegabytes"] = "1", smtp: false);
        await hub.CreatePersonAsync("producer@test.example", "keeper of keys", admin: true);
        admin = await hub.SignedInClientAsync("producer@test.example", "keeper of keys");
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    /// <summary>A body that does not say its length, so it is sent in chunks, as a client may.</summary>
    private sealed class Unsized(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    private string[] AudioFiles()
    {
        var folder = Path.Combine(hub.DataDirectory, "podcast");
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    private async Task<(HttpResponseMessage Response, string Html)> PublishAsync(Dictionary<string, string> fields, byte[]? audio = null, string fileName = "talk.wav", bool streamed = false)
    {
        var (_, page) = await admin.GetAsync("/podcast/new");
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }
        if (audio is not null)
        {
            HttpContent file = streamed ? new StreamContent(new Unsized(audio)) : new ByteArrayContent(audio);
            file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
            form.Add(file, "Audio", fileName);
        }
        var response = await admin.Http.PostAsync("/podcast/new", form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Publish_UploadedAudio_FeedHasEveryPsp1ElementAndAudioServesRanges()
    {
        var audio = SeedDemoUpdates.Tones([440.0], secondsEach: 0.5);
        var (published, _) = await PublishAsync(new()
        {
            ["Title"] = "Crews that split, and why it is fine",
            ["Duration"] = "12:34",
            ["ShowNotes"] = "We talk about the **retrospective**.",
            ["VideoUrl"] = "https://video.example/watch/1",
        }, audio);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("/podcast/crews-that-split-and-why-it-is-fine", published.Headers.Location!.OriginalString);
        var (second, _) = await PublishAsync(new()
        {
            ["Title"] = "Hosted elsewhere",
            ["Duration"] = "1:02:03",
            ["AudioUrl"] = "https://cdn.example/hosted.mp3",
            ["AudioLength"] = "123456",
        });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var visitor = hub.NewClient();
        var (_, episode) = await visitor.GetAsync("/podcast/crews-that-split-and-why-it-is-fine");
        var player = episode.QuerySelector("audio[controls]")!;
        Assert.Equal("/podcast/audio/crews-that-split-and-why-it-is-fine.wav", player.GetAttribute("src"));
        Assert.Equal("retrospective", episode.QuerySelector(".prose strong")?.TextContent);
        Assert.NotNull(episode.QuerySelector("a[href='https://video.example/watch/1']"));

        // Range requests: what players and podcast apps use to seek.
        var request = new HttpRequestMessage(HttpMethod.Get, player.GetAttribute("src"));
        request.Headers.Range = new RangeHeaderValue(100, 199);
        var partial = await visitor.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(audio[100..200], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal($"bytes 100-199/{audio.Length}", partial.Content.Headers.ContentRange!.ToString());
        Assert.Equal("audio/wav", partial.Content.Headers.ContentType!.MediaType);
        var whole = await visitor.Http.GetAsync(player.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(audio, await whole.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync("/podcast/audio/..%2Fhub.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Http.GetAsync("/podcast/audio/nothing-here.wav")).StatusCode);

        var feedResponse = await visitor.Http.GetAsync("/podcast.xml");
        Assert.Equal("application/rss+xml", feedResponse.Content.Headers.ContentType!.MediaType);
        var xml = await feedResponse.Content.ReadAsStringAsync();

        // PSP-1's required elements, read from the XML itself.
        XNamespace atom = "http://www.w3.org/2005/Atom", itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
        var channel = XDocument.Parse(xml).Root!.Element("channel")!;
        var self = channel.Element(atom + "link")!;
        Assert.Equal(("self", "http://localhost/podcast.xml", "application/rss+xml"), (self.Attribute("rel")!.Value, self.Attribute("href")!.Value, self.Attribute("type")!.Value));
        foreach (var name in new[] { "title", "description", "link", "language" })
        {
            Assert.False(string.IsNullOrWhiteSpace(channel.Element(name)?.Value), $"channel {name}");
        }
        Assert.False(string.IsNullOrEmpty(channel.Element(itunes + "category")?.Attribute("text")?.Value));
        Assert.Equal("false", channel.Element(itunes + "explicit")?.Value);
        Assert.Equal("http://localhost/img/podcast-cover.png", channel.Element(itunes + "image")?.Attribute("href")?.Value);
        var items = channel.Elements("item").ToList();
        Assert.Equal(2, items.Count);
        foreach (var item in items)
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Element("title")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(item.Element("guid")?.Value));
            var enclosure = item.Element("enclosure")!;
            Assert.True(long.Parse(enclosure.Attribute("length")!.Value) > 0);
            Assert.StartsWith("audio/", enclosure.Attribute("type")!.Value);
        }
        // The cover art is really there.
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync("/img/podcast-cover.png")).StatusCode);

        // And as two real parsers read it.
        var podcast = await UpdatesTestKit.ParseFeedAsync("podcast", xml);
        Assert.Equal("false", podcast.GetProperty("meta").GetProperty("explicit").ToString().ToLowerInvariant());
        var parsed = podcast.GetProperty("episodes").EnumerateArray().ToList();
        var uploaded = Assert.Single(parsed, e => e.GetProperty("title").GetString() == "Crews that split, and why it is fine");
        Assert.Equal("http://localhost/podcast/audio/crews-that-split-and-why-it-is-fine.wav", uploaded.GetProperty("enclosure").GetProperty("url").GetString());
        Assert.Equal(audio.Length.ToString(), uploaded.GetProperty("enclosure").GetProperty("length").GetString());
        Assert.Equal(754, uploaded.GetProperty("duration").GetInt32());
        var hosted = Assert.Single(parsed, e => e.GetProperty("title").GetString() == "Hosted elsewhere");
        Assert.Equal(3723, hosted.GetProperty("duration").GetInt32());
        Assert.Equal("audio/mpeg", hosted.GetProperty("enclosure").GetProperty("type").GetString());
        var rss = await UpdatesTestKit.ParseFeedAsync("rss", xml);
        Assert.Equal(2, rss.GetProperty("items").GetArrayLength());
        Assert.All(rss.GetProperty("items").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("guid").GetString())));
        Assert.Equal("Microsolidarity Hub podcast", rss.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Publish_BadInput_ExplainsAndKeepsTheRest()
    {
        var (neither, html) = await PublishAsync(new() { ["Title"] = "No audio", ["Duration"] = "10:00" });
        Assert.Equal(HttpStatusCode.OK, neither.StatusCode);
        Assert.Contains("Upload the audio file, or give the address", html);
        Assert.Contains("value=\"No audio\"", html);
        var (_, badDuration) = await PublishAsync(new() { ["Title"] = "Bad length", ["Duration"] = "ten minutes", ["AudioUrl"] = "https://cdn.example/a.mp3", ["AudioLength"] = "10" });
        Assert.Contains("Give the length as minutes and seconds", badDuration);
        var (_, noLength) = await PublishAsync(new() { ["Title"] = "No size", ["Duration"] = "1:00", ["AudioUrl"] = "https://cdn.example/a.mp3" });
        Assert.Contains("size in bytes", noLength);
        var (_, wrongType) = await PublishAsync(new() { ["Title"] = "A picture", ["Duration"] = "1:00" }, [1, 2, 3], "cover.png");
        Assert.Contains("must be an MP3, M4A, OGG, Opus or WAV", wrongType);
        Assert.False(await hub.FromDbAsync(db => db.Episodes.AnyAsync(e => e.Title == "No audio" || e.Title == "A picture")));

        await hub.CreatePersonAsync("listener@test.example", "quiet garden path");
        var member = await hub.SignedInClientAsync("listener@test.example", "quiet garden path");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.GetAsync("/podcast/new")).StatusCode);
    }

    [Fact]
    public async Task Publish_HtmlNamedMp3_IsRefusedAndNothingIsWritten()
    {
        var page = System.Text.Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
        var (response, html) = await PublishAsync(new() { ["Title"] = "Not audio", ["Duration"] = "1:00" }, page, "talk.mp3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("must be an MP3, M4A, OGG, Opus or WAV", html);
        Assert.Contains("value=\"Not audio\"", html);
        Assert.False(await hub.FromDbAsync(db => db.Episodes.AnyAsync()));
        Assert.Empty(AudioFiles());
    }

    [Theory]
    [InlineData(false)] // says its length: refused unread
    [InlineData(true)] // streams without one: cut off at the limit
    public async Task Publish_AudioOverTheLimit_Is413AndNothingIsWritten(bool streamed)
    {
        var audio = new byte[1536 * 1024]; // over the 1 MB this hub takes
        "RIFF"u8.CopyTo(audio);
        "WAVEfmt "u8.CopyTo(audio.AsSpan(8));
        var (response, _) = await PublishAsync(new() { ["Title"] = "Too long", ["Duration"] = "90:00" }, audio, "long.wav", streamed);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(await hub.FromDbAsync(db => db.Episodes.AnyAsync()));
        Assert.Empty(AudioFiles());
    }
}
