using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.People;

/// <summary>Writes or deletes an entry of one's own journal; nobody else's entries are reachable at all.</summary>
public sealed class WriteJournalEntry(HubDbContext db, TimeProvider time, IStringLocalizer<Strings> strings)
{
    /// <summary><paramref name="practicePrompts"/>: the prompts of the practice the journal offered, also kept with the entry.</summary>
    public async Task<Outcome> RunAsync(string userId, string prompt, string text, IReadOnlyCollection<string>? practicePrompts = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome.Refused(strings["People.Refused.EmptyEntry"], "Text");
        }
        if (text.Length > 20000)
        {
            return Outcome.Refused(strings["People.Refused.LongEntry", 20000.ToString("N0", DateFormats.Culture)], "Text");
        }
        db.JournalEntries.Add(new JournalEntry
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Prompt = (PeopleFeature.Prompts.Contains(prompt) || practicePrompts?.Contains(prompt) == true) && prompt.Length <= 200 ? prompt : "",
            Text = text.Trim(),
            WrittenAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<Outcome> DeleteAsync(string userId, Guid entryId, CancellationToken cancellationToken = default)
    {
        var deleted = await db.JournalEntries.Where(e => e.Id == entryId && e.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 1 ? Outcome.Done : Outcome.Refused(strings["People.Refused.NotYourEntry"]);
    }
}
