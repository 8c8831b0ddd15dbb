namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>
/// The hub's roles. Accounts grants them, but every feature checks them, so the name lives here and no
/// feature needs Accounts to ask "is this an administrator?".
/// </summary>
public static class HubRoles
{
    public const string Admin = "Admin";
}
