using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.People;

/// <summary>Writes or deletes an entry of one's own journal; nobody else's entries are reachable at all.</summary>
public sealed class WriteJournalEntry(HubDbContext db, TimeProvider time)
{
    /// <summary><paramref name="practicePrompts"/>: the prompts of the practice the journal offered, also kept with the entry.</summary>
    public async Task<Outcome> RunAsync(string userId, string prompt, string text, IReadOnlyCollection<string>? practicePrompts = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome.Refused("Write a few words first; even one line is a start.", "Text");
        }
        if (text.Length > 20000)
        {
            return Outcome.Refused("An entry holds up to 20,000 characters; split it in two.", "Text");
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
        return deleted == 1 ? Outcome.Done : Outcome.Refused("That entry is not in your journal.");
    }
}
