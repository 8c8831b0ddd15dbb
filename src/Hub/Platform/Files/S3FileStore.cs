using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Microsolidarity.Hub.Platform.Files;

/// <summary>
/// Files in one bucket of an S3-compatible object store (MinIO, Garage, Ceph, AWS S3…), which every web
/// node reaches: a photo uploaded through one node is served by all. A key is the object's name.
/// <para>
/// AWSSDK.S3 rather than the Minio client: it speaks to any S3 server, not only MinIO, it is the client
/// most S3-compatible servers test against, and its requests carry the standard headers a range or a
/// listing needs. Checksums are computed only where S3 requires them: the SDK's default (a trailing CRC
/// in "aws-chunked" uploads) is refused or stored wrongly by many S3-compatible servers.
/// </para>
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    private readonly AmazonS3Client client;
    private readonly string bucket;
    private readonly string serviceUrl;

    public S3FileStore(FilesOptions.S3Settings settings)
    {
        (bucket, serviceUrl) = (settings.Bucket, settings.ServiceUrl.TrimEnd('/'));
        var config = new AmazonS3Config
        {
            ServiceURL = settings.ServiceUrl,
            ForcePathStyle = settings.ForcePathStyle,
            AuthenticationRegion = settings.Region,
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            MaxErrorRetry = 2,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        client = new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    public string Description => $"the bucket {bucket} at {serviceUrl}";

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancel = default)
    {
        FileKeys.Checked(key);
        // The request is signed over its length (and resent on a retry), so it needs a stream that can seek:
        // an upload still arriving is kept in a temporary file first.
        Stream? buffered = null;
        if (!content.CanSeek)
        {
            buffered = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await content.CopyToAsync(buffered, cancel);
            buffered.Position = 0;
        }
        try
        {
            await Call(() => client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = key,
                InputStream = buffered ?? content,
                ContentType = contentType,
                AutoCloseStream = false,
                UseChunkEncoding = false,
            }, cancel), cancel);
        }
        finally
        {
            if (buffered is not null)
            {
                await buffered.DisposeAsync();
            }
        }
    }

    public async Task<StoredFileInfo?> InfoAsync(string key, CancellationToken cancel = default)
    {
        FileKeys.Checked(key);
        try
        {
            var head = await Call(() => client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancel), cancel);
            return new StoredFileInfo(key, head.ContentLength, Time(head.LastModified), head.ETag ?? "");
        }
        catch (FileStoreUnavailableException e) when (e.InnerException is AmazonS3Exception { StatusCode: HttpStatusCode.NotFound, ErrorCode: not "NoSuchBucket" })
        {
            // A HEAD answer has no body to say which is missing, the object or the bucket: /readyz tells the operator the latter.
            return null;
        }
    }

    public async Task<StoredFile?> OpenAsync(string key, CancellationToken cancel = default) =>
        await InfoAsync(key, cancel) is { } info ? new StoredFile(info, new ObjectStream(this, info)) : null;

    public async Task DeleteAsync(string key, CancellationToken cancel = default)
    {
        FileKeys.Checked(key);
        await Call(() => client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancel), cancel);
    }

    public async IAsyncEnumerable<StoredFileInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancel = default)
    {
        string? next = null;
        do
        {
            var page = await Call(() => client.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = bucket,
                Prefix = prefix.Length == 0 ? null : prefix,
                ContinuationToken = next,
            }, cancel), cancel);
            foreach (var o in page.S3Objects ?? [])
            {
                if (FileKeys.IsValid(o.Key))
                {
                    yield return new StoredFileInfo(o.Key, o.Size ?? 0, Time(o.LastModified), o.ETag ?? "");
                }
            }
            next = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (next is not null);
    }

    public async Task<string?> ProblemAsync(CancellationToken cancel = default)
    {
        try
        {
            await Call(() => client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1 }, cancel), cancel);
            return null;
        }
        catch (FileStoreUnavailableException e)
        {
            return e.Message;
        }
    }

    public void Dispose() => client.Dispose();

    private static DateTimeOffset Time(DateTime? value) =>
        value is { } t ? new DateTimeOffset(t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime()) : DateTimeOffset.UnixEpoch;

    /// <summary>Runs one request; an outage or a refusal becomes <see cref="FileStoreUnavailableException"/> saying what to check.</summary>
    private async Task<T> Call<T>(Func<Task<T>> request, CancellationToken cancel)
    {
        try
        {
            return await request();
        }
        catch (Exception e) when (!cancel.IsCancellationRequested && e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or TaskCanceledException)
        {
            throw new FileStoreUnavailableException(Explain(e), e);
        }
    }

    private string Explain(Exception e) => e switch
    {
        AmazonS3Exception { ErrorCode: "NoSuchBucket" } =>
            $"The object store at {serviceUrl} has no bucket {bucket}. Create it (MinIO: mc mb ALIAS/{bucket}), or correct Files:S3:Bucket.",
        AmazonS3Exception { ErrorCode: "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "AccessDenied" } s =>
            $"The object store at {serviceUrl} refused the hub's credentials for the bucket {bucket} ({s.ErrorCode}). Check Files:S3:AccessKey and Files:S3:SecretKey, and that this user may read and write the bucket.",
        AmazonServiceException { StatusCode: not 0 } s =>
            $"The object store at {serviceUrl} answered {(int)s.StatusCode} {s.ErrorCode} for the bucket {bucket}: {s.Message}",
        _ =>
            $"The object store at {serviceUrl} (Files:S3:ServiceUrl) cannot be reached: {Innermost(e).Message}. Check that it is running and that this server can reach it.",
    };

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    /// <summary>
    /// An object read from where the reader is: seeking costs nothing, and the first read after it fetches
    /// the object from there to its end. A response that sends a range (Range: bytes=1000000-) seeks, then
    /// reads, so only that range crosses the network.
    /// </summary>
    private sealed class ObjectStream(S3FileStore store, StoredFileInfo info) : Stream
    {
        private GetObjectResponse? response;
        private Stream? body;
        private long bodyAt = -1;
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => info.Length;

        public override long Position
        {
            get => position;
            set => position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => info.Length + offset,
        };

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (position >= info.Length || buffer.Length == 0)
            {
                return 0;
            }
            if (body is null || bodyAt != position)
            {
                Close(); // a seek: the next bytes come from a new request
                var request = new GetObjectRequest { BucketName = store.bucket, Key = info.Key };
                if (position > 0)
                {
                    request.ByteRange = new ByteRange(position, info.Length - 1);
                }
                response = await store.Call(() => store.client.GetObjectAsync(request, cancellationToken), cancellationToken);
                (body, bodyAt) = (response.ResponseStream, position);
            }
            int read;
            try
            {
                read = await body.ReadAsync(buffer, cancellationToken);
            }
            catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw new FileStoreUnavailableException($"Reading {info.Key} from {store.Description} broke off: {e.Message}", e);
            }
            (position, bodyAt) = (position + read, bodyAt + read);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private new void Close()
        {
            body?.Dispose();
            response?.Dispose();
            (body, response, bodyAt) = (null, null, -1);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Close();
            }
            base.Dispose(disposing);
        }
    }
}
