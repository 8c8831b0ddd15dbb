using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.Practices;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Practices;

/// <summary>
/// The versions of practices a person saved. The practices stay with the hub or the congregation they
/// were written for; deleting the account leaves the versions without a name.
/// </summary>
[PersonalDataOf(typeof(LibraryPracticeVersion))]
internal sealed class PracticePersonalData(HubDbContext db) : IPersonalData
{
    public string Section => "Practices";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var count = await db.LibraryPracticeVersions.CountAsync(v => v.EditorUserId == user.Id, cancellationToken);
        return count == 0 ? [] : [$"Your name on {count} saved version(s) of practices; the practices stay, without your name."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken) => new
    {
        VersionsISaved = await db.LibraryPracticeVersions.Where(v => v.EditorUserId == user.Id)
            .Select(v => new { v.Title, v.Number, v.Note, v.ChangedParts, v.EditedAt }).ToListAsync(cancellationToken),
    };

    public Task DeleteAsync(HubUser user, CancellationToken cancellationToken) =>
        db.LibraryPracticeVersions.Where(v => v.EditorUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.EditorUserId, (string?)null), cancellationToken);
}
