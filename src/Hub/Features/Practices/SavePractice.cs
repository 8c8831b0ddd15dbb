using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Practices;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>
/// Saves a practice written in the hub (by administrators for the whole hub, or by a congregation's
/// hosts for that congregation) as a new version: the text is checked by the same rules as the
/// repository's files, the version says who saved it and which parts changed, and a save made over a
/// newer version than the one the editor started from is refused rather than lost.
/// </summary>
public sealed class SavePractice(HubDbContext db, TimeProvider time, PracticeLibrary library, IStringLocalizer<Strings> strings)
{
    /// <summary>Addresses under /practices that a practice may not take.</summary>
    private static readonly string[] Reserved = ["cards", "new", "edit", "draw"];

    public const int MaxText = 40000;

    /// <summary>
    /// <paramref name="basedOn"/> is the version the editor opened (0 for a new practice); the caller has
    /// checked that <paramref name="editorUserId"/> may edit for <paramref name="congregationId"/>.
    /// </summary>
    public async Task<Outcome> RunAsync(Guid? congregationId, string slug, string text, string note, int basedOn, string editorUserId, CancellationToken cancellationToken = default)
    {
        slug = slug.Trim().ToLowerInvariant();
        note = note.Trim();
        var problems = new List<(string, string)>();
        if (!PracticeText.IsSlug(slug) || Reserved.Contains(slug))
        {
            problems.Add(("Slug", strings["Practices.Refused.Slug"]));
        }
        if (text.Length > MaxText)
        {
            problems.Add(("Text", strings["Practices.Refused.TextLength", text.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), MaxText.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)]));
        }
        else
        {
            var parsed = PracticeText.Parse(slug, text, strings: strings);
            if (parsed.Practice is null)
            {
                problems.Add(("Text", string.Join(" ", parsed.Problems)));
            }
        }
        if (note.Length > 500)
        {
            problems.Add(("Note", strings["Practices.Refused.Note"]));
        }
        if (Outcome.RefusedAll(problems) is { } refused)
        {
            return refused;
        }
        var practice = PracticeText.Parse(slug, text).Practice!;
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.LibraryPractices.FirstOrDefaultAsync(p => p.CongregationId == congregationId && p.Slug == slug, cancellationToken);
        string? before;
        if (row is null)
        {
            if (basedOn != 0)
            {
                return Outcome.Refused(strings["Practices.Refused.Gone"], "Text");
            }
            row = new LibraryPractice { Id = Guid.NewGuid(), CongregationId = congregationId, Slug = slug, CreatedAt = now };
            db.LibraryPractices.Add(row);
            before = congregationId is null ? library.FindEnglish(slug)?.SourceText : null;
        }
        else
        {
            if (basedOn != row.CurrentVersion)
            {
                return Outcome.Refused(basedOn == 0
                    ? strings["Practices.Refused.Exists"]
                    : strings["Practices.Refused.Conflict", row.CurrentVersion, basedOn], basedOn == 0 ? "Slug" : "Text");
            }
            before = await db.LibraryPracticeVersions.Where(v => v.PracticeId == row.Id && v.Number == row.CurrentVersion).Select(v => v.Text).FirstOrDefaultAsync(cancellationToken);
        }
        var changed = ChangedParts(before is null ? null : PracticeText.Parse(slug, before).Practice, practice);
        if (before is not null && changed.Count == 0)
        {
            return Outcome.Refused(strings["Practices.Refused.Unchanged"], "Text");
        }
        row.CurrentVersion += 1;
        row.UpdatedAt = now;
        db.LibraryPracticeVersions.Add(new LibraryPracticeVersion
        {
            Id = Guid.NewGuid(),
            PracticeId = row.Id,
            Number = row.CurrentVersion,
            Title = practice.Title.Length > 200 ? practice.Title[..200] : practice.Title,
            Text = text.Replace("\r\n", "\n"),
            Note = note,
            ChangedParts = string.Join(", ", changed),
            EditorUserId = editorUserId,
            EditedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another save of the same practice came first (the unique slug or version number).
            return Outcome.Refused(strings["Practices.Refused.SameMoment"], "Text");
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The parts that differ, in the order a practice reads; every part for a first version.</summary>
    public static IReadOnlyList<string> ChangedParts(Practice? before, Practice after)
    {
        if (before is null)
        {
            return ["new practice"];
        }
        var parts = new List<string>();
        void Compare(string name, object a, object b)
        {
            if (!Equals(a, b))
            {
                parts.Add(name);
            }
        }
        Compare("title", before.Title, after.Title);
        Compare("summary", before.Summary, after.Summary);
        Compare("purpose", before.Purpose, after.Purpose);
        Compare("scales", string.Join(",", before.Scales), string.Join(",", after.Scales));
        Compare("time", before.Minutes, after.Minutes);
        Compare("group size", before.TimedFor, after.TimedFor);
        Compare("roles", string.Join("|", before.Roles), string.Join("|", after.Roles));
        Compare("steps", string.Join("|", before.Steps), string.Join("|", after.Steps));
        Compare("prompts", string.Join("|", before.Prompts), string.Join("|", after.Prompts));
        Compare("variations", string.Join("|", before.Variations), string.Join("|", after.Variations));
        Compare("online notes", before.Online, after.Online);
        Compare("in-person notes", before.InPerson, after.InPerson);
        Compare("notes", before.NotesHtml, after.NotesHtml);
        Compare("origin", before.Origin, after.Origin);
        return parts;
    }
}
