"""add payouts table

Revision ID: 20f6d363b449
Revises: 5b85cadbf346
Create Date: 2024-05-10 10:12:44.120315
"""
revision = "20f6d363b449"
down_revision = "5b85cadbf346"
