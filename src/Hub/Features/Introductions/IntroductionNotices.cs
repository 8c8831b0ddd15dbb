using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform.Email;
using Microsolidarity.Hub.Platform.Localization;
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
public sealed class IntroductionLetters(HubDbContext db, Notifier notifier, EmailTemplates templates, PublicAddress address,
    IStringLocalizer<Strings> strings)
{
    public sealed record Person(string UserId, string Share);

    public sealed record Group(Guid Id, IReadOnlyList<Person> People, DateTime? FirstTime, DateTime? SecondTime, int Question);

    public async Task SendAsync(string congregationName, string slug, IReadOnlyList<Group> groups, CancellationToken cancellationToken)
    {
        var ids = groups.SelectMany(g => g.People.Select(p => p.UserId)).ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.Language }).ToDictionaryAsync(u => u.Id, cancellationToken);
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
                // Each letter in its reader's language; the others' names and lines stay as they wrote them.
                using var language = RecipientLanguage.Of(person.Language);
                var (title, paragraphs) = Letter(strings, congregationName, others, group.FirstTime, group.SecondTime, zone, group.Question);
                var path = IntroductionNotices.PathOf(slug, group.Id);
                notices.Add(new Notice(person.Id, "introductions.made", title, path,
                    templates.Compose(person.Email!, person.DisplayName, title, paragraphs, (strings["Email.Introduction.Action"], address.Absolute(path)),
                        strings["Email.Introduction.Footer", congregationName])));
            }
        }
        await notifier.NotifyManyAsync(notices, cancellationToken);
    }

    /// <summary>The words of one letter, for the person reading it, in the current language.</summary>
    public static (string Title, IReadOnlyList<string> Paragraphs) Letter(IStringLocalizer strings, string congregationName,
        IReadOnlyList<(string Name, string Share)> others, DateTime? firstTime, DateTime? secondTime, DateTimeZone? zone, int question)
    {
        var names = Names(others.Select(o => o.Name).ToList(), strings);
        var paragraphs = new List<string>
        {
            others.Count == 1 ? strings["Email.Introduction.MeetOne", names, congregationName] : strings["Email.Introduction.MeetTwo", names, congregationName],
        };
        foreach (var (name, share) in others)
        {
            paragraphs.Add(string.IsNullOrWhiteSpace(share) ? strings["Email.Introduction.NoLine", name] : strings["Email.Introduction.Shares", name, share]);
        }
        var where = zone is null ? strings["Email.Introduction.NoZone"].Value : zone.Id;
        paragraphs.Add(firstTime is { } first
            ? secondTime is { } second
                ? strings["Email.Introduction.TwoTimes", When(first, zone), When(second, zone), where]
                : strings["Email.Introduction.OneTime", When(first, zone), where]
            : strings["Email.Introduction.NoTime"]);
        paragraphs.Add(strings["Email.Introduction.Question", strings[$"Introductions.Question.{StarterQuestions.Index(question)}"]]);
        paragraphs.Add(strings["Email.Introduction.WriteFirst"]);
        return (strings["Email.Introduction.Subject", congregationName, names], paragraphs);
    }

    /// <summary>"Tuesday 8 December, 19:00" in the reader's zone and language.</summary>
    public static string When(DateTime utc, DateTimeZone? zone) =>
        DateFormats.Format(TimeZones.ToLocal(utc, zone ?? DateTimeZone.Utc).ToDateTimeUnspecified(), "dddd d MMMM, HH:mm");

    /// <summary>"Ana, Bo and Cai", for the introductions page (still in English).</summary>
    public static string Names(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    /// <summary>"Ana, Bo and Cai", joined in the current language.</summary>
    public static string Names(IReadOnlyList<string> names, IStringLocalizer strings) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => strings["Email.List.And", string.Join(", ", names.Take(names.Count - 1)), names[^1]],
    };
}
