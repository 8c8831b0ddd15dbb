using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsolidarity.Hub.Testing;
using Npgsql;

namespace Microsolidarity.Hub.Tests.Platform.Cli;

/// <summary><c>hub backup</c> and <c>hub restore</c> through the real executable, on the database under test.</summary>
public sealed class BackupCommandTests
{
    private static async Task<long> PeopleAsync(TestDatabase database, string folder)
    {
        const string sql = "SELECT COUNT(*) FROM \"AspNetUsers\"";
        if (database.IsPostgres)
        {
            await using var pg = new NpgsqlConnection(database.ConnectionString);
            await pg.OpenAsync();
            await using var command = new NpgsqlCommand(sql, pg);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(folder, "data", "hub.db")};Pooling=False");
        await sqlite.OpenAsync();
        await using var c = sqlite.CreateCommand();
        c.CommandText = sql;
        return (long)(await c.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task BackupThenChangesThenRestore_PutsBackTheDatabaseAndTheFiles()
    {
        await using var database = await TestDatabase.CreateAsync();
        var folder = TestPaths.NewTemporaryDirectory("hub-backup");
        var settings = database.Settings().ToDictionary(s => s.Key, s => s.Value);

        var (noDb, noDbOutput) = await HubProcess.RunToEndAsync(folder, settings, "backup", "--out", "early.zip");
        if (!database.IsPostgres)
        {
            Assert.True(noDb == 1, noDbOutput);
            Assert.Contains("no database here to back up", noDbOutput);
        }
        var (seeded, seedOutput) = await HubProcess.RunToEndAsync(folder, settings, "seed", "--demo");
        Assert.True(seeded == 0, seedOutput);
        var photo = Path.Combine(folder, "data", "photos", "someone.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(photo)!);
        await File.WriteAllBytesAsync(photo, [0xFF, 0xD8, 0xFF, 0xD9]);
        Directory.CreateDirectory(Path.Combine(folder, "data", "mail"));
        await File.WriteAllTextAsync(Path.Combine(folder, "data", "mail", "old.eml"), "not worth keeping");
        var before = await PeopleAsync(database, folder);

        var (backedUp, backupOutput) = await HubProcess.RunToEndAsync(folder, settings, "backup", "--out", "backups/hub.zip");
        Assert.True(backedUp == 0, backupOutput);
        var zipPath = Path.Combine(folder, "backups", "hub.zip");
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            Assert.NotNull(zip.GetEntry("manifest.json"));
            Assert.NotNull(zip.GetEntry(database.IsPostgres ? "database/hub.pgdump" : "database/hub.db"));
            Assert.NotNull(zip.GetEntry("files/photos/someone.jpg"));
            Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("files/mail/", StringComparison.Ordinal) || e.FullName.StartsWith("files/hub.db", StringComparison.Ordinal));
        }

        // Life goes on: more people, a photo deleted.
        var (more, moreOutput) = await HubProcess.RunToEndAsync(folder, settings, "seed", "--members", "40", "--congregations", "2");
        Assert.True(more == 0, moreOutput);
        File.Delete(photo);
        Assert.Equal(before + 40, await PeopleAsync(database, folder));

        var (restored, restoreOutput) = await HubProcess.RunToEndAsync(folder, settings, "restore", zipPath);
        Assert.True(restored == 0, restoreOutput);
        Assert.Equal(before, await PeopleAsync(database, folder));
        Assert.True(File.Exists(photo));

        // And the hub starts on it.
        var (migrated, migrateOutput) = await HubProcess.RunToEndAsync(folder, settings, "migrate");
        Assert.True(migrated == 0, migrateOutput);
    }

    [Fact]
    public async Task WrongFiles_AreRefusedWithAReason_AndChangeNothing()
    {
        var folder = TestPaths.NewTemporaryDirectory("hub-restore-bad");
        var settings = new Dictionary<string, string>();
        var (noOut, noOutOutput) = await HubProcess.RunToEndAsync(folder, settings, "backup");
        Assert.Equal(2, noOut);
        Assert.Contains("backup needs --out FILE", noOutOutput);
        var (missing, missingOutput) = await HubProcess.RunToEndAsync(folder, settings, "restore", "nowhere.zip");
        Assert.Equal(1, missing);
        Assert.Contains("There is no file nowhere.zip", missingOutput);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.zip"), "just words");
        var (text, textOutput) = await HubProcess.RunToEndAsync(folder, settings, "restore", "notes.zip");
        Assert.Equal(1, text);
        Assert.Contains("not a backup of the hub", textOutput);
        using (var zip = ZipFile.Open(Path.Combine(folder, "other.zip"), ZipArchiveMode.Create))
        {
            zip.CreateEntry("readme.txt");
        }
        var (other, otherOutput) = await HubProcess.RunToEndAsync(folder, settings, "restore", "other.zip");
        Assert.Equal(1, other);
        Assert.Contains("no manifest", otherOutput);
    }
}
