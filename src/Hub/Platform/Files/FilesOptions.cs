namespace Microsolidarity.Hub.Platform.Files;

/// <summary>Settings under <c>Files:</c>: where shared files are kept.</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary><c>Local</c> (the data folder, for one server) or <c>S3</c> (an S3-compatible object store every node reaches).</summary>
    public string Store { get; set; } = "Local";

    public S3Settings S3 { get; set; } = new();

    public bool UsesS3 => string.Equals(Store, "S3", StringComparison.OrdinalIgnoreCase);

    public sealed class S3Settings
    {
        /// <summary>The store's address, such as http://127.0.0.1:9000 for MinIO or https://s3.eu-central-1.amazonaws.com.</summary>
        public string ServiceUrl { get; set; } = "";

        public string Bucket { get; set; } = "";

        public string AccessKey { get; set; } = "";

        public string SecretKey { get; set; } = "";

        /// <summary>The region requests are signed for; MinIO and most S3 servers accept the default.</summary>
        public string Region { get; set; } = "us-east-1";

        /// <summary>http://host/bucket/key rather than http://bucket.host/key: what MinIO and most self-hosted servers expect.</summary>
        public bool ForcePathStyle { get; set; } = true;

        /// <summary>How long one request may take before the store counts as unreachable.</summary>
        public int TimeoutSeconds { get; set; } = 30;
    }

    /// <summary>What is wrong with the settings, each naming the setting and how to fix it; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (!UsesS3 && !string.Equals(Store, "Local", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Files:Store is '{Store}'. Use Local (the data folder, the default) or S3 (an S3-compatible object store such as MinIO).";
            yield break;
        }
        if (!UsesS3)
        {
            yield break;
        }
        if (!Uri.TryCreate(S3.ServiceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return "Files:S3:ServiceUrl must be the object store's address, such as http://127.0.0.1:9000 (MinIO) or https://s3.eu-central-1.amazonaws.com.";
        }
        // The rules S3 gives bucket names: 3 to 63 lowercase letters, digits, dots and hyphens.
        if (!System.Text.RegularExpressions.Regex.IsMatch(S3.Bucket, "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"))
        {
            yield return S3.Bucket.Length == 0
                ? "Files:S3:Bucket is empty. Name the bucket the hub keeps its files in (create it first, e.g. mc mb local/hub)."
                : $"Files:S3:Bucket '{S3.Bucket}' is not a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens.";
        }
        if (S3.AccessKey.Length == 0 || S3.SecretKey.Length == 0)
        {
            yield return "Files:S3:AccessKey and Files:S3:SecretKey are both needed: the credentials of a user that may read and write the bucket (set them in the environment, e.g. Files__S3__SecretKey, not in a file under git).";
        }
        if (S3.TimeoutSeconds is < 1 or > 600)
        {
            yield return "Files:S3:TimeoutSeconds must be between 1 and 600.";
        }
    }
}
