using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkingGroupConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "WorkingGroupId",
                table: "ConversationThreads",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConversationThreads_WorkingGroupId_LastPostAt",
                table: "ConversationThreads",
                columns: new[] { "WorkingGroupId", "LastPostAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_ConversationThreads_WorkingGroups_WorkingGroupId",
                table: "ConversationThreads",
                column: "WorkingGroupId",
                principalTable: "WorkingGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ConversationThreads_WorkingGroups_WorkingGroupId",
                table: "ConversationThreads");

            migrationBuilder.DropIndex(
                name: "IX_ConversationThreads_WorkingGroupId_LastPostAt",
                table: "ConversationThreads");

            migrationBuilder.DropColumn(
                name: "WorkingGroupId",
                table: "ConversationThreads");
        }
    }
}
