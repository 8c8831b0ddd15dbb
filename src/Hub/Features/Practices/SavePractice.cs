using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Practices;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>
/// Saves a practice written in the hub (by administrators for the whole hub, or by a congregation's
/// hosts for that congregation) as a new version: the text is checked by the same rules as the
/// repository's files, the version says who saved it and which parts changed, and a save made over a
/// newer version than the one the editor started from is refused rather than lost.
/// </summary>
public sealed class SavePractice(HubDbContext db, TimeProvider time, PracticeLibrary library)
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
            problems.Add(("Slug", "The address needs 2 to 60 lower-case letters, digits and single hyphens (e.g. walking-check-in), and not cards, new, edit or draw."));
        }
        if (text.Length > MaxText)
        {
            problems.Add(("Text", $"The text is {text.Length:N0} characters long; a practice has room for {MaxText:N0}."));
        }
        else
        {
            var parsed = PracticeText.Parse(slug, text);
            if (parsed.Practice is null)
            {
                problems.Add(("Text", string.Join(" ", parsed.Problems)));
            }
        }
        if (note.Length > 500)
        {
            problems.Add(("Note", "Say what you changed in at most 500 characters."));
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
                return Outcome.Refused("This practice is no longer there. Copy your text, then start a new one.", "Text");
            }
            row = new LibraryPractice { Id = Guid.NewGuid(), CongregationId = congregationId, Slug = slug, CreatedAt = now };
            db.LibraryPractices.Add(row);
            before = congregationId is null ? library.Find(slug)?.SourceText : null;
        }
        else
        {
            if (basedOn != row.CurrentVersion)
            {
                return Outcome.Refused(basedOn == 0
                    ? "A practice with this address exists already: open it from the list to change it."
                    : $"Someone saved version {row.CurrentVersion} while you were editing version {basedOn}. Copy your text, open the practice again and add your changes to theirs.", basedOn == 0 ? "Slug" : "Text");
            }
            before = await db.LibraryPracticeVersions.Where(v => v.PracticeId == row.Id && v.Number == row.CurrentVersion).Select(v => v.Text).FirstOrDefaultAsync(cancellationToken);
        }
        var changed = ChangedParts(before is null ? null : PracticeText.Parse(slug, before).Practice, practice);
        if (before is not null && changed.Count == 0)
        {
            return Outcome.Refused("Nothing has changed since the last version.", "Text");
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
            return Outcome.Refused("Someone saved this practice at the same moment. Open it again and add your changes to theirs.", "Text");
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
