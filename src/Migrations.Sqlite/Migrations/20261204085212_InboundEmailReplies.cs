using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InboundEmailReplies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmailReplyAddresses",
                columns: table => new
                {
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailReplyAddresses", x => x.Token);
                    table.ForeignKey(
                        name: "FK_EmailReplyAddresses_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmailReplyReceipts",
                columns: table => new
                {
                    MessageKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailReplyReceipts", x => x.MessageKey);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmailReplyAddresses_CreatedAt",
                table: "EmailReplyAddresses",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_EmailReplyAddresses_UserId",
                table: "EmailReplyAddresses",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailReplyReceipts_ProcessedAt",
                table: "EmailReplyReceipts",
                column: "ProcessedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmailReplyAddresses");

            migrationBuilder.DropTable(
                name: "EmailReplyReceipts");
        }
    }
}
