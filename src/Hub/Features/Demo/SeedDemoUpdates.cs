using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Updates;
using Microsolidarity.Hub.Features.Updates;
using Microsolidarity.Hub.Features.Updates.Podcast;
using Microsolidarity.Hub.Platform.Files;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// Two podcast episodes with short audio the seed writes itself (a few seconds of gentle tones as
/// WAV: nothing is downloaded) and one newsletter issue in the archive.
/// </summary>
public static class SeedDemoUpdates
{
    public static async Task RunAsync(HubDbContext db, IServiceProvider services, DateTime now)
    {
        if (await db.Episodes.AnyAsync() || await db.NewsletterIssues.AnyAsync())
        {
            return;
        }
        var files = services.GetRequiredService<IFileStore>();
        var episodes = new[]
        {
            ("first-crews-in-lisbon", "First crews in Lisbon", new[] { 392.0, 523.3 }, now.AddDays(-21),
             "Ana and Tomás tell how six people met for six weeks, what the case clinic felt like the first time, and why the crew split in two at the retrospective (and why that was fine).\n\n*In the demo, a few seconds of tones stand in for the recording.*\n\n- The case clinic: one case-giver, the others listen and reflect\n- [The handbook on crews](/handbook)"),
            ("hosting-without-bossing", "Hosting without bossing", new[] { 440.0, 329.6 }, now.AddDays(-7),
             "What does it mean to host rather than lead? Three congregation hosts on compelling invitations, never hosting alone, and handing the role on.\n\n*In the demo, a few seconds of tones stand in for the recording.*\n\nMentioned: the full-moon and new-moon calls of a congregation."),
        };
        foreach (var (slug, title, tones, published, notes) in episodes)
        {
            var file = $"{slug}.wav";
            var bytes = Tones(tones, secondsEach: 1.5);
            await files.PutBytesAsync(PublishEpisode.KeyOf(file), bytes, "audio/wav");
            db.Episodes.Add(new Episode
            {
                Id = Guid.NewGuid(),
                Slug = slug,
                Title = title,
                ShowNotesMarkdown = notes,
                ShowNotesHtml = UpdatesMarkdown.ToHtml(notes),
                AudioFile = file,
                AudioLength = bytes.Length,
                AudioType = "audio/wav",
                DurationSeconds = (int)Math.Round(tones.Length * 1.5), // the demo file is a short stand-in for a recording
                PublishedAt = published,
            });
        }
        const string issue = "Dear friends,\n\nThe **autumn gathering** is coming: two days to meet, eat together and let new crews form. Bring a friend who has been curious.\n\n## What happened this season\n\n- Three new crews started their first six-meeting experiment.\n- The network call now alternates time zones, so the Americas can join.\n\n## One practice to try\n\nAt your next crew meeting, end with a short retrospective: what we liked, what could improve, and whether to go on.\n\nWith warmth,\nthe hosts";
        db.NewsletterIssues.Add(new NewsletterIssue
        {
            Id = Guid.NewGuid(),
            Subject = "Autumn news: a gathering, new crews, one practice",
            Markdown = issue,
            Html = UpdatesMarkdown.ToHtml(issue),
            Segment = NewsletterSegment.Everyone,
            SentAt = now.AddDays(-14),
            BaseUrl = "",
        });
        await db.SaveChangesAsync();
    }

    /// <summary>16-bit mono PCM at 22,050 Hz: each tone faded in and out so it does not click.</summary>
    public static byte[] Tones(IReadOnlyList<double> frequencies, double secondsEach)
    {
        const int rate = 22_050;
        var perTone = (int)(rate * secondsEach);
        var samples = perTone * frequencies.Count;
        using var stream = new MemoryStream(44 + samples * 2);
        using var w = new BinaryWriter(stream);
        w.Write("RIFF"u8);
        w.Write(36 + samples * 2);
        w.Write("WAVEfmt "u8);
        w.Write(16);
        w.Write((short)1); // PCM
        w.Write((short)1); // mono
        w.Write(rate);
        w.Write(rate * 2);
        w.Write((short)2);
        w.Write((short)16);
        w.Write("data"u8);
        w.Write(samples * 2);
        foreach (var f in frequencies)
        {
            for (var i = 0; i < perTone; i++)
            {
                var fade = Math.Min(1.0, Math.Min(i, perTone - i) / (rate * 0.1));
                w.Write((short)(Math.Sin(2 * Math.PI * f * i / rate) * 8000 * fade));
            }
        }
        w.Flush();
        return stream.ToArray();
    }
}
