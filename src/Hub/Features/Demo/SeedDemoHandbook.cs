using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Handbook;

namespace Microsolidarity.Hub.Features.Demo;

/// <summary>
/// A short handbook in GitBook format, written for the demo community (Features/Demo/Handbook, copied
/// beside the executable), so a new hub opens with something to read. It is imported the way any
/// handbook is, claim and report included, so it shows in the import history; the admin page then
/// suggests the practice's full handbook from its git repository.
/// </summary>
public static class SeedDemoHandbook
{
    public const string Title = "A short handbook";
    public const string Author = "The hosts of the demo community";

    /// <summary>Where the build puts the demo handbook's folder.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "demo-handbook");

    public static async Task RunAsync(IServiceProvider root)
    {
        // A scope of its own: the import clears its context's change tracker, which the rest of the seed shares.
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<HubDbContext>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SeedDemoHandbook));
        if (await db.Handbooks.AnyAsync() || !Directory.Exists(Folder))
        {
            return; // a hub that has a handbook keeps it
        }
        var gate = services.GetRequiredService<HandbookImportGate>();
        var record = await gate.TryStartAsync(Folder, "first start");
        if (record is null)
        {
            return; // someone is importing one right now
        }
        try
        {
            var result = await services.GetRequiredService<ImportHandbook>().RunAsync(Folder, new ImportHandbook.Settings(Title, Author), record: record);
            if (!result.Succeeded || result.ProblemCount > 0)
            {
                log.LogWarning("The demo handbook was imported with problems: {Problems}", result.Problems);
            }
        }
        finally
        {
            await gate.FinishAsync(record.Id);
        }
    }
}
