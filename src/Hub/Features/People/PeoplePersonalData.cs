using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Files;

namespace Microsolidarity.Hub.Features.People;

/// <summary>The profile and the private journal, exported only to their owner.</summary>
[PersonalDataOf(typeof(Profile), typeof(JournalEntry))]
internal sealed class PeoplePersonalData(HubDbContext db, SetProfilePhoto photos, IFileStore files) : IPersonalData
{
    public string Section => "Self";

    public async Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken)
    {
        var entries = await db.JournalEntries.CountAsync(e => e.UserId == user.Id, cancellationToken);
        return [$"Your profile and availability, and your private journal ({entries} {(entries == 1 ? "entry" : "entries")})."];
    }

    public async Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken)
    {
        var profile = await db.Profiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
        string? photo = null;
        if (SetProfilePhoto.KeyOf(profile?.PhotoFile ?? "") is { } key && await files.OpenAsync(key, cancellationToken) is { } file)
        {
            await using (file)
            {
                using var bytes = new MemoryStream();
                await file.Content.CopyToAsync(bytes, cancellationToken);
                photo = "data:image/jpeg;base64," + Convert.ToBase64String(bytes.GetBuffer(), 0, (int)bytes.Length);
            }
        }
        return new
        {
            Profile = profile,
            Photo = photo,
            Journal = await db.JournalEntries.AsNoTracking().Where(e => e.UserId == user.Id).OrderBy(e => e.WrittenAt)
            .Select(e => new { e.WrittenAt, e.Prompt, e.Text }).ToListAsync(cancellationToken),
        };
    }

    public async Task DeleteAsync(HubUser user, CancellationToken cancellationToken)
    {
        await db.JournalEntries.Where(e => e.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        var photo = await db.Profiles.Where(p => p.UserId == user.Id).Select(p => p.PhotoFile).SingleOrDefaultAsync(cancellationToken);
        await db.Profiles.Where(p => p.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await photos.DeleteFileAsync(photo ?? ""); // should the deletion roll back later, the profile merely loses its photo
    }
}
