using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Introductions;

/// <summary>"Did you meet?", the same words to everyone in an introduction (nothing is saved here).</summary>
public sealed class IntroductionNotices(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
    : GroupNotices(db, notifier, templates, address)
{
    /// <summary>A "did you meet?" waiting for one person's answer, done when they answer.</summary>
    public static string AskAbout(Guid introductionId) => $"introduction:{introductionId}";

    public static string PathOf(string slug) => $"/congregations/{slug}/introductions";

    public static string PathOf(string slug, Guid introductionId) => $"{PathOf(slug)}#introduction-{introductionId:N}";
}

/// <summary>
/// The introduction itself: one letter to each person, since each reads the suggested times in their own
/// zone and the others' names and lines (never their own back). Inside the caller's unit of work.
/// </summary>
public sealed class IntroductionLetters(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address)
{
    public sealed record Person(string UserId, string Share);

    public sealed record Group(Guid Id, IReadOnlyList<Person> People, DateTime? FirstTime, DateTime? SecondTime, int Question);

    public async Task SendAsync(string congregationName, string slug, IReadOnlyList<Group> groups, CancellationToken cancellationToken)
    {
        var ids = groups.SelectMany(g => g.People.Select(p => p.UserId)).ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var zones = await db.Profiles.AsNoTracking().Where(p => ids.Contains(p.UserId) && p.TimeZone != "")
            .Select(p => new { p.UserId, p.TimeZone }).ToDictionaryAsync(p => p.UserId, p => p.TimeZone, cancellationToken);
        var notices = new List<Notice>();
        foreach (var group in groups)
        {
            foreach (var me in group.People)
            {
                if (!people.TryGetValue(me.UserId, out var person))
                {
                    continue;
                }
                var others = group.People.Where(p => p.UserId != me.UserId && people.ContainsKey(p.UserId))
                    .Select(p => (Name: people[p.UserId].DisplayName, p.Share)).ToList();
                var zone = TimeZones.Find(zones.GetValueOrDefault(me.UserId));
                var (title, paragraphs) = Letter(congregationName, others, group.FirstTime, group.SecondTime, zone, group.Question);
                var path = IntroductionNotices.PathOf(slug, group.Id);
                notices.Add(new Notice(person.Id, "introductions.made", title, path,
                    templates.Compose(person.Email!, person.DisplayName, title, paragraphs, ("See your introduction", address.Absolute(path)),
                        $"You receive this because you asked to be introduced in {congregationName}. You can pause or leave on the introductions page.")));
            }
        }
        await notifier.NotifyManyAsync(notices, cancellationToken);
    }

    /// <summary>The words of one letter, for the person reading it.</summary>
    public static (string Title, IReadOnlyList<string> Paragraphs) Letter(string congregationName, IReadOnlyList<(string Name, string Share)> others,
        DateTime? firstTime, DateTime? secondTime, DateTimeZone? zone, int question)
    {
        var names = Names(others.Select(o => o.Name).ToList());
        var paragraphs = new List<string>
        {
            others.Count == 1
                ? $"Meet {names}, another member of {congregationName}. You were introduced to each other this round: an hour of conversation, nothing more is asked."
                : $"Meet {names}, members of {congregationName}. The three of you were introduced this round: an hour of conversation, nothing more is asked.",
        };
        foreach (var (name, share) in others)
        {
            paragraphs.Add(string.IsNullOrWhiteSpace(share) ? $"{name} chose not to share a line this time." : $"{name} shares: “{share}”");
        }
        var where = zone is null ? "UTC (set your time zone on your profile to see your own hours)" : zone.Id;
        paragraphs.Add(firstTime is { } first
            ? secondTime is { } second
                ? $"You are all free, from your profiles, on {When(first, zone)} or on {When(second, zone)} ({where}). Pick one, or find another hour that suits you."
                : $"You are all free, from your profiles, on {When(first, zone)} ({where}). Take it, or find another hour that suits you."
            : "Your free hours on your profiles do not meet this week, so write to each other and find an hour together.");
        paragraphs.Add($"A question to start with, if you like: {StarterQuestions.At(question)}");
        paragraphs.Add("One of you writes first: whoever reads this first. In a week we will ask whether you met; the answer is only yours, and hosts see counts, never names.");
        return ($"An introduction in {congregationName}: meet {names}", paragraphs);
    }

    /// <summary>"Tuesday 8 December, 19:00" in the reader's zone.</summary>
    public static string When(DateTime utc, DateTimeZone? zone) =>
        TimeZones.ToLocal(utc, zone ?? DateTimeZone.Utc).ToDateTimeUnspecified().ToString("dddd d MMMM, HH:mm", CultureInfo.InvariantCulture);

    public static string Names(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };
}
