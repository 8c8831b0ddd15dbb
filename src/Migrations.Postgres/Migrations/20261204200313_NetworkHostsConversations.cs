using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NetworkHostsConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ForNetworkHosts",
                table: "ConversationThreads",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_ConversationThreads_ForNetworkHosts_LastPostAt",
                table: "ConversationThreads",
                columns: new[] { "ForNetworkHosts", "LastPostAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ConversationThreads_ForNetworkHosts_LastPostAt",
                table: "ConversationThreads");

            migrationBuilder.DropColumn(
                name: "ForNetworkHosts",
                table: "ConversationThreads");
        }
    }
}
