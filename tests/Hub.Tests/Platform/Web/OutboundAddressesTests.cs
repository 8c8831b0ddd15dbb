using System.Net;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Tests.Platform.Web;

public sealed class OutboundAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.100.100.200")] // shared address space, where one cloud keeps its metadata
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")] // AWS metadata over IPv6
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("2002:7f00:1::")] // 6to4 of 127.0.0.1
    [InlineData("ff02::1")]
    [InlineData("192.0.2.1")] // documentation ranges
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("2001:db8::1")]
    public void IsPublic_LocalPrivateOrMetadata_IsFalse(string address) => Assert.False(OutboundAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("140.82.112.3")] // a git host
    public void IsPublic_InternetAddress_IsTrue(string address) => Assert.True(OutboundAddresses.IsPublic(IPAddress.Parse(address)));
}
