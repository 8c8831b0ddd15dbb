using Microsolidarity.Hub.Data.Accounts;

namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>
/// Each feature that keeps data about a person implements this once, so "download my data" and
/// "delete my account" stay complete as features are added.
/// </summary>
public interface IPersonalData
{
    /// <summary>The heading in the export and on the deletion page, e.g. "Account".</summary>
    string Section { get; }

    /// <summary>Plain sentences for the deletion page: what will go.</summary>
    Task<IReadOnlyList<string>> DescribeAsync(HubUser user, CancellationToken cancellationToken);

    /// <summary>Everything this feature holds about the person, as JSON-serialisable values.</summary>
    Task<object> ExportAsync(HubUser user, CancellationToken cancellationToken);

    /// <summary>Deletes or anonymises it, inside the caller's transaction (the caller saves).</summary>
    Task DeleteAsync(HubUser user, CancellationToken cancellationToken);

    /// <summary>
    /// Runs once the deletion has committed, for what must see the account gone: the places it held taken up by the
    /// people waiting, a cohort's rooms computed again. The deletion stands whatever happens here.
    /// </summary>
    Task AfterDeletedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Why the account should not be deleted yet (it would leave others stranded), or null.</summary>
    Task<string?> ReasonToWaitAsync(HubUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
