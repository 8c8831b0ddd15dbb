namespace Microsolidarity.Hub.Features.Handbook;

/// <summary>Where an import is: its stage and how far it has come through files read, and pages rendered.</summary>
public sealed record ImportProgress(string Stage, int FilesRead = 0, int FilesTotal = 0, int PagesRendered = 0, int PagesTotal = 0);
